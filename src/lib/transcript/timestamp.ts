/** A position in a recording, as the transcript writes it and in seconds. */
export interface Timestamp {
  /** As written, without brackets and without the `~` of an estimate: "1:02:03", "9:12". */
  label: string;
  /** Offset from the start of the recording. */
  seconds: number;
  /**
   * Written `[~2:31]`: estimated (from the words' position between two times the source gives), not
   * a time the source states. Shown as "about 2:31"; it still plays from that second.
   */
  estimated?: true;
}

/** A time as a transcript writes it, inside its brackets: `h:mm:ss`, `mm:ss` or `m:ss`, optionally with fractions and a leading `~` (an estimate). */
const TIME = String.raw`~?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;

/** `[h:mm:ss]`, `[mm:ss]` or `[m:ss]` at the very start of a text, with the time in group 1. */
export const LEADING_TIMESTAMP = new RegExp(String.raw`^\[(${TIME})\][ \t]*`);

/** Every bracketed time in a text (`[2:31]`, `[~1:02:03]`). */
export const TIMESTAMP_MARK = new RegExp(String.raw`\[${TIME}\]`, 'g');

/** Reads what LEADING_TIMESTAMP captures: `1:02:03`, or `~2:31` for an estimate. */
export function parseTimestamp(written: string): Timestamp {
  const estimated = written.startsWith('~');
  const label = estimated ? written.slice(1) : written;
  const parts = label.replace(',', '.').split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return { label, seconds, ...(estimated && { estimated: true as const }) };
}

/** A time as a reader sees it: "2:31", or "about 2:31" for an estimate. */
export function timestampText(timestamp: Timestamp): string {
  return timestamp.estimated ? `about ${timestamp.label}` : timestamp.label;
}

/** ISO 8601 duration for machine-readable markup (`<time datetime>`). */
export function isoDuration(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest}S`;
}

/** `1:02:03`, `62:03`, `00:09`, `00:00:06,687`, `00:15.000` in seconds; undefined when it is no clock time. */
export function parseClock(text: string): number | undefined {
  const match = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + (fraction ? Number(`0.${fraction}`) : 0);
}

/** `[m:ss]` under an hour, `[h:mm:ss]` from an hour on, whole seconds (rounded down). */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds + 1e-6));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
