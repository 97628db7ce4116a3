import type { TalkData } from '../schemas/talk.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023-02" -> "February 2023"; "2023-02-10" -> "10 February 2023"; precision as given. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year ?? date;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

const KIND_LABELS: Record<TalkData['kind'], string> = {
  talk: 'Talk',
  'lightning-talk': 'Lightning talk',
  interview: 'Interview',
  panel: 'Panel',
  essay: 'Essay',
  post: 'Post',
};

export function kindLabel(kind: TalkData['kind']): string {
  return KIND_LABELS[kind];
}

const PROVENANCE_LABELS: Record<NonNullable<NonNullable<TalkData['transcript']>['provenance']>, string> = {
  'human-transcript': 'Human transcript',
  captions: 'Captions of the recording',
  'auto-captions': 'Automatic captions of the recording',
  edited: 'Edited transcript',
  'author-text': "The author's own text",
};

export function provenanceLabel(provenance: keyof typeof PROVENANCE_LABELS): string {
  return PROVENANCE_LABELS[provenance];
}

export const READING_WORDS_PER_MINUTE = 230;

/** Whole minutes, at least one, at an adult's silent reading pace. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / READING_WORDS_PER_MINUTE));
}

/** "about 24 minutes", "about 2 hours 5 minutes": a talk page's reading time, in words. */
export function readingTimeLabel(wordCount: number): string {
  const minutes = readingMinutes(wordCount);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const rounded = Math.round(minutes / 5) * 5;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return `about ${hours} hour${hours === 1 ? '' : 's'}${rest > 0 ? ` ${rest} minutes` : ''}`;
}

/** "Jan Leike", "Jan Leike and Rob Wiblin", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Name for alphabetical order: the last word, unless the speaker sets one. */
export function sortNameOf(name: string, explicit?: string): string {
  return (explicit ?? name.split(/\s+/).at(-1) ?? name).toLocaleLowerCase('en');
}

type Role = TalkData['speakers'][number]['role'];
const ROLE_LABELS: Record<Role, [string, string]> = {
  speaker: ['Speaker', 'Speakers'],
  host: ['Host', 'Hosts'],
  guest: ['Guest', 'Guests'],
  author: ['Author', 'Authors'],
  moderator: ['Moderator', 'Moderators'],
  panelist: ['Panelist', 'Panelists'],
};

/** A talk's people grouped by the role its entry gives them, in billing order: "Host: Rob Wiblin", "Guest: Jan Leike". */
export function creditGroups<T extends { role: Role }>(credits: readonly T[]): { role: Role; label: string; people: T[] }[] {
  const groups = new Map<Role, T[]>();
  for (const credit of credits) groups.set(credit.role, [...(groups.get(credit.role) ?? []), credit]);
  return [...groups].map(([role, people]) => ({ role, label: ROLE_LABELS[role][people.length === 1 ? 0 : 1], people }));
}

/** "Rob Wiblin (host), Jan Leike (guest)": names for a list of talks, with each role but the plain speaker's. */
export function creditLine(credits: readonly { name: string; role: Role }[]): string {
  return credits.map(({ name, role }) => (role === 'speaker' ? name : `${name} (${role})`)).join(', ');
}
