import { badInput } from '../infra/errors/domain-error.js';
import type { PageCursor } from './discussion.sql.js';

/** Keys are SQL integers. */
const MAX_KEY = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients; bound to the sort order it was issued for. */
export function encodeCursor(sort: string, cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, id: cursor.id, k: cursor.key })).toString('base64url');
}

export function decodeCursor(sort: string, value: string | null | undefined, field = 'after'): PageCursor | null {
  if (value === null || value === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw badInput(field, `${field} is not a valid cursor`);
  }
  const { s, id, k } = (parsed ?? {}) as { s?: unknown; id?: unknown; k?: unknown };
  if (
    typeof id !== 'string' ||
    !UUID.test(id) ||
    (k !== null && !(Number.isInteger(k) && Math.abs(k as number) <= MAX_KEY))
  ) {
    throw badInput(field, `${field} is not a valid cursor`);
  }
  if (s !== sort) throw badInput(field, `${field} was issued for another sort order`);
  return { id, key: k as number | null };
}
