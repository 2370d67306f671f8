import { badInput } from '../infra/errors/domain-error.js';

/** Position in the directory: account creation time, then id to break ties. */
export interface UserCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of "u|<ISO time>|<id>". */
export function encodeUserCursor(cursor: UserCursor): string {
  return Buffer.from(`u|${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeUserCursor(value: string): UserCursor {
  const [tag, time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (tag !== 'u' || rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw badInput('after', 'This cursor is not valid; start from the first page');
  }
  return { createdAt, id };
}
