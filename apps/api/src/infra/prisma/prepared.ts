/**
 * A statement of a hot path (one per comment posted or decided), sent by name: PostgreSQL
 * parses and plans it once per pooled connection and then reuses the plan, where Prisma's
 * raw queries are parsed and planned on every call. Parameters are positional (`$1`…);
 * timestamps go in as ISO strings (the columns are UTC `timestamp(3)`, as Prisma writes them).
 */
export interface Prepared<Row> {
  readonly name: string;
  readonly text: string;
  /**
   * Values with which the statement reads and changes nothing (an id no row has): run once
   * on each new connection by PrismaService.warm(), so no request pays for the first plan.
   * Null for a statement that always writes: it is prepared on first use.
   */
  readonly idle: readonly unknown[] | null;
  /** Only carries the row type. */
  readonly row?: Row;
}

const declared = new Map<string, Prepared<unknown>>();

/** Declares a named statement; names are unique in the process (a clash would reuse the wrong plan). */
export function prepared<Row>(name: string, text: string, idle: readonly unknown[] | null): Prepared<Row> {
  if (declared.has(name)) throw new Error(`prepared statement "${name}" is declared twice`);
  const statement: Prepared<Row> = { name, text, idle };
  declared.set(name, statement);
  return statement;
}

/** Every statement declared so far (those of the modules this process loaded). */
export const declaredStatements = (): Array<Prepared<unknown>> => [...declared.values()];

/** An id no row has, for `idle` values. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';
