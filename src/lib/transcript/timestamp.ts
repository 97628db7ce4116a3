/** A position in a recording, as the transcript writes it and in seconds. */
export interface Timestamp {
  /** As written, without brackets: "1:02:03", "9:12". */
  label: string;
  /** Offset from the start of the recording. */
  seconds: number;
}

/** `[h:mm:ss]`, `[mm:ss]` or `[m:ss]`, optionally with fractions, at the very start of a text. */
export const LEADING_TIMESTAMP = /^\[((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\][ \t]*/;

export function parseTimestamp(label: string): Timestamp {
  const parts = label.replace(',', '.').split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return { label, seconds };
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
