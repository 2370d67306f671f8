/**
 * Timestamps of legacy comment exports: `December 6, 2017 @ 11:18 pm`,
 * `25 Mar 2024 @ 5:06 pm`, `2024-03-25 @ 17:06`. The exports carry no zone, so they are
 * read as UTC; an importing admin can shift them afterwards if the site's zone is known.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH_FIRST = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})$/u;
const NUMERIC = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?$/i;

function toDate(
  year: number,
  month: number | undefined,
  day: number,
): { year: number; month: number; day: number } | null {
  if (month === undefined || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCDate() === day ? { year, month, day } : null; // rejects 31 Feb
}

function parseDate(text: string): { year: number; month: number; day: number } | null {
  const value = text.trim();
  let match = MONTH_FIRST.exec(value);
  if (match) return toDate(Number(match[3]), MONTHS[(match[1] ?? '').toLowerCase()], Number(match[2]));
  match = DAY_FIRST.exec(value);
  if (match) return toDate(Number(match[3]), MONTHS[(match[2] ?? '').toLowerCase()], Number(match[1]));
  match = NUMERIC.exec(value);
  if (match) return toDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

function parseTime(text: string): { hours: number; minutes: number; seconds: number } | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? 0);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0); // 12 am → 0, 12 pm → 12
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return { hours, minutes, seconds };
}

/** ISO timestamp (UTC) for a `DATE @ TIME` pair, or null when either part is not understood. */
export function parseLegacyTimestamp(date: string, time: string): string | null {
  const day = parseDate(date);
  const clock = parseTime(time);
  if (!day || !clock) return null;
  return new Date(Date.UTC(day.year, day.month - 1, day.day, clock.hours, clock.minutes, clock.seconds)).toISOString();
}
