/**
 * The article the passage benches (hot spots, contested passages) generate by SQL: 200 users,
 * one article whose current revision is long enough for `threads` anchored threads, thread i
 * on 30 code points at i × `step` (every tenth on 50, overlapping its neighbour). The benches
 * add their own comments. Returns the article's id.
 */
import type pg from 'pg';

export async function seedAnchoredArticle(client: pg.Client, threads: number, step: number): Promise<string> {
  await client.query(`INSERT INTO "User" (id, email, handle, "displayName", "passwordHash", "updatedAt")
    SELECT gen_random_uuid(), 'bench' || i || '@example.test', 'bench' || i, 'Bench ' || i, 'x', now()
      FROM generate_series(1, 200) i`);
  const article = await client.query<{ id: string }>(
    `INSERT INTO "Article" (id, slug, title, "updatedAt") VALUES (gen_random_uuid(), 'bench', 'Bench', now()) RETURNING id`,
  );
  const articleId = article.rows[0]!.id;
  const revision = await client.query<{ id: string }>(
    `INSERT INTO "ArticleRevision" (id, "articleId", version, blocks, "canonicalText", "contentHash")
     VALUES (gen_random_uuid(), $1, 1, '[]', repeat('The margin holds what the page cannot say. ', $2), 'bench') RETURNING id`,
    [articleId, Math.ceil(((threads + 1) * step) / 43)],
  );
  const revisionId = revision.rows[0]!.id;
  await client.query(`UPDATE "Article" SET "currentRevisionId" = $1 WHERE id = $2`, [revisionId, articleId]);
  await client.query(
    `INSERT INTO "Thread" (id, "articleId", anchor, "anchorStatus", "anchorScore", "anchorStart", "revisionId", "updatedAt")
     SELECT gen_random_uuid(), $1,
            jsonb_build_object('revisionId', $2::text,
                               'position', jsonb_build_object('start', i * ${step}, 'end', i * ${step} + CASE WHEN i % 10 = 0 THEN 50 ELSE 30 END),
                               'quote', jsonb_build_object('exact', '', 'prefix', '', 'suffix', '')),
            'ANCHORED', 1, i * ${step}, $2::uuid, now()
       FROM generate_series(0, $3 - 1) i`,
    [articleId, revisionId, threads],
  );
  return articleId;
}
