import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAny } from '@marginalia/content';
import type { DigestSource } from '../../../src/digest/digest-builder.js';
import { SEED_DIR } from '../imports/import-client.js';

/** The opinion article's seed: 19 legacy comments under "Is Rapprochement with Russia Still Possible?". */
export const OPINION_SEED = '001_2d1773f78bfeacc0.txt';

/**
 * The opinion seed's comments as the digest reads them after an import: parsed by the same
 * parser the import uses, numbered `#N` as printed, commenters by their printed names.
 */
export function seedDiscussion(): Array<DigestSource & { number: number }> {
  const parsed = parseAny(readFileSync(path.join(SEED_DIR, OPINION_SEED), 'utf8'));
  return parsed.comments.map((c) => ({
    id: `seed-${c.number}`,
    number: c.number,
    commenter: c.authorName,
    parentId: c.parentNumber === undefined ? null : `seed-${c.parentNumber}`,
    body: c.bodyMarkdown,
    anchor: c.anchor
      ? { threadId: `thread-${c.anchor.start}`, quote: c.anchor.exact, start: c.anchor.start, end: c.anchor.end }
      : null,
  }));
}
