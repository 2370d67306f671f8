import { badInput } from '../../infra/errors/domain-error.js';

/** Position of a comment in a queue: its creation time, then its id to break ties. */
export interface QueueCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of "<ISO time>|<id>". */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): QueueCursor {
  const [time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw badInput('after', 'This cursor is not valid; start from the first page');
  }
  return { createdAt, id };
}
