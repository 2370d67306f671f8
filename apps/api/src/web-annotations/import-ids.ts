import { createHash } from 'node:crypto';

/**
 * Imported annotations get ids derived from (article, source annotation IRI) — a
 * name-based UUID (RFC 9562 version 5 layout). That is what makes an import idempotent
 * without a column for the source id: importing the same collection again finds every
 * comment already there, and importing it into another article makes fresh ones.
 */
export function importedId(articleId: string, sourceId: string, kind: 'comment' | 'thread'): string {
  const bytes = createHash('sha1').update(`marginalia:w3c-import\n${articleId}\n${kind}\n${sourceId}`).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
