import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationKind } from '../../generated/prisma/enums.js';
import { NOTIFICATION_KINDS } from '../preferences/preference-defaults.js';

/** What a link unsubscribes from: one kind's immediate mail, or the daily digest. */
export type UnsubscribeScope = NotificationKind | 'DIGEST';

const SCOPES: ReadonlySet<string> = new Set<string>([...NOTIFICATION_KINDS, 'DIGEST']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, userId: string, scope: string): Buffer =>
  createHmac('sha256', secret).update(`unsubscribe\0${userId}\0${scope}`).digest();

/**
 * A one-click unsubscribe token (RFC 8058): the user and scope in the clear, signed with an
 * HMAC of the app's secret, so the link needs no sign-in and cannot be made for someone else.
 * It does not expire: an old message's link keeps working, and it can only turn mail off.
 */
export function signUnsubscribe(secret: string, userId: string, scope: UnsubscribeScope): string {
  return `${userId}.${scope}.${mac(secret, userId, scope).toString('base64url')}`;
}

export function verifyUnsubscribe(secret: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [userId = '', scope = '', signature = '', ...rest] = token.split('.');
  if (rest.length > 0 || !UUID.test(userId) || !SCOPES.has(scope)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, userId, scope);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
