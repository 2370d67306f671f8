import { isUUID } from 'class-validator';
import { badInput } from '../errors/domain-error.js';

/** Integer keys are SQL integers. */
const MAX_KEY = 2_147_483_647;

/** A keyset position: the last row's integer sort key (or none) and its id, which breaks ties. */
export interface PageCursor {
  id: string;
  key: number | null;
}

/** A keyset position by creation time, then id (queues, the user directory). */
export interface TimeCursor {
  id: string;
  createdAt: Date;
}

/**
 * The one cursor format: base64url of `{ s: order, id, k: key }`, opaque to clients and bound to
 * the order it was issued for (a cursor of another order is refused, not misread).
 */
export function encodeCursor(order: string, cursor: { id: string; key: number | string | null }): string {
  return Buffer.from(JSON.stringify({ s: order, id: cursor.id, k: cursor.key })).toString('base64url');
}

/** A cursor with an integer key (or none); null when there is none; BAD_USER_INPUT on `field` when forged. */
export function decodeCursor(order: string, value: string | null | undefined, field = 'after'): PageCursor | null {
  const parsed = parse(order, value, field);
  if (!parsed) return null;
  const { id, k } = parsed;
  if (k !== null && !(Number.isInteger(k) && Math.abs(k as number) <= MAX_KEY)) throw invalid(field);
  return { id, key: k as number | null };
}

export function encodeTimeCursor(order: string, cursor: TimeCursor): string {
  return encodeCursor(order, { id: cursor.id, key: cursor.createdAt.toISOString() });
}

/** A cursor keyed by a time; null when there is none; BAD_USER_INPUT on `field` when forged. */
export function decodeTimeCursor(order: string, value: string | null | undefined, field = 'after'): TimeCursor | null {
  const parsed = parse(order, value, field);
  if (!parsed) return null;
  const createdAt = typeof parsed.k === 'string' ? new Date(parsed.k) : new Date(Number.NaN);
  if (Number.isNaN(createdAt.getTime())) throw invalid(field);
  return { id: parsed.id, createdAt };
}

function parse(order: string, value: string | null | undefined, field: string): { id: string; k: unknown } | null {
  if (value === null || value === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid(field);
  }
  const { s, id, k } = (parsed ?? {}) as { s?: unknown; id?: unknown; k?: unknown };
  if (typeof id !== 'string' || !isUUID(id) || k === undefined) throw invalid(field);
  if (s !== order) throw badInput(field, `${field} was issued for another sort order`);
  return { id, k };
}

function invalid(field: string): Error {
  return badInput(field, `${field} is not a valid cursor; start from the first page`);
}
