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
