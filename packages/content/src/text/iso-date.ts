/**
 * Strict ISO 8601 date-time (`2024-03-25T17:06:00Z`, `…+01:00`, optional seconds and
 * milliseconds). Date.parse alone accepts "2024-02-30", so the components are checked.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hours, minutes, seconds = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return false;
  if ((hours ?? 99) > 23 || (minutes ?? 99) > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59)
    return false;
  return !Number.isNaN(Date.parse(value));
}
