import type { HistoryAuthor } from '@marginalia/content';
import type { Prisma } from '../../generated/prisma/client.js';

export interface AuthorRef {
  id: string;
  /** The user who claimed the imported author: their comments show them as author. */
  claimedById: string | null;
}

/**
 * The imported-author records of a batch's commenters, created when new (one per commenter
 * per source: `<source>#<key>`), in two statements whatever the batch's size.
 */
export async function importedAuthors(
  tx: Prisma.TransactionClient,
  source: string,
  authors: readonly HistoryAuthor[],
): Promise<Map<string, AuthorRef>> {
  const byKey = new Map<string, HistoryAuthor>();
  for (const author of authors) byKey.set(`${source}#${author.key}`, author);
  if (byKey.size === 0) return new Map();
  await tx.importedAuthor.createMany({
    data: [...byKey].map(([importKey, author]) => ({
      importKey,
      displayName: author.name,
      email: author.email ?? null,
      sourceId: author.sourceId ?? null,
    })),
    skipDuplicates: true,
  });
  const rows = await tx.importedAuthor.findMany({
    where: { importKey: { in: [...byKey.keys()] } },
    select: { id: true, importKey: true, claimedById: true },
  });
  const out = new Map<string, AuthorRef>();
  for (const row of rows) {
    const author = byKey.get(row.importKey);
    if (author) out.set(author.key, { id: row.id, claimedById: row.claimedById });
  }
  return out;
}
