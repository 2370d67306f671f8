/** The local hour after which a user's daily messages (digest, queue summary) are due. */
export const MORNING_HOUR = 8;

/**
 * When the worker looks for users whose morning has come: on the quarter hour. A cron pattern,
 * not an interval: BullMQ runs an interval's first job at once, at every worker's start.
 */
export const DAILY_CHECK_CRON = '*/15 * * * *';

/**
 * SQL: whether `now` (a timestamptz expression) is past the morning hour in the user's time
 * zone, and the start of their local day as a UTC timestamp (the columns are UTC timestamps).
 */
export const morningCameSql = (now: string, timeZone: string): string =>
  `extract(hour FROM (${now} AT TIME ZONE ${timeZone})) >= ${MORNING_HOUR}`;
export const localDayStartSql = (now: string, timeZone: string): string =>
  `((date_trunc('day', ${now} AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`;

/** SQL: the user's local date at `now`, as YYYY-MM-DD. */
export const localDateSql = (now: string, timeZone: string): string =>
  `to_char(${now} AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
