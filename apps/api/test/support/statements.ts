import pg from 'pg';

/**
 * Statements of the worker's own loops (outbox relay, queue-count compaction, sanction and
 * pending-comment sweeps): they run on their own schedule, so a spec with an in-process
 * worker leaves them out.
 */
const BACKGROUND = [
  '"Outbox"."createdAt" <',
  'DELETE FROM "ModerationQueueDelta"',
  '"statusUntil" <=',
  '"Comment"."updatedAt" <',
];

/**
 * Every SQL statement this process sends while `run` runs (whitespace collapsed), but the
 * worker's background loops' and those `ignore` matches.
 */
export async function recordStatements(
  run: () => Promise<void>,
  ignore: (sql: string) => boolean = () => false,
): Promise<string[]> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function recorded(this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const sql = (typeof first === 'string' ? first : (first.text ?? '')).replace(/\s+/g, ' ').trim();
    if (!BACKGROUND.some((marker) => sql.includes(marker)) && !ignore(sql)) statements.push(sql);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}

export const countStatements = async (run: () => Promise<void>): Promise<number> =>
  (await recordStatements(run)).length;
