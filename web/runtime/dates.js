// A post's date as its author wrote it. `2024-06-14` is June 14 for every reader: a calendar day is
// shown in UTC, where the core reads a date without an offset, never shifted into the reader's zone;
// a time with an offset (`2026-01-22T08:35+03:00`) shows the day written before the `T`.

const WRITTEN_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * The calendar day at the start of an ISO-8601 date, or null.
 * @param {string | null | undefined} date
 * @returns {{ year: number, month: number, day: number } | null}
 */
export function writtenDay(date) {
  const match = WRITTEN_DAY.exec(date ?? "");
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/**
 * The post's date for people ("June 14, 2024" in the reader's language) and for machines (the
 * `datetime` of a <time>): the instant when a time is given, else the day. Null without a readable date.
 * @param {{ date?: string | null, timestamp?: number | null }} meta
 * @param {string | string[]} [locales] the reader's language when absent
 * @returns {{ text: string, datetime: string } | null}
 */
export function postDate({ date, timestamp }, locales) {
  const day = writtenDay(date);
  if (!day || timestamp == null) return null;
  const text = new Date(Date.UTC(day.year, day.month - 1, day.day)).toLocaleDateString(locales, { dateStyle: "long", timeZone: "UTC" });
  const written = /** @type {string} */ (date);  // writtenDay found a day in it
  const datetime = /T/i.test(written) ? new Date(timestamp).toISOString() : written.slice(0, 10);
  return { text, datetime };
}
