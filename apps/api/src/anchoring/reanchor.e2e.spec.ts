import type { INestApplicationContext } from '@nestjs/common';
import { describe as describeRange } from '@marginalia/anchoring';
import { canonicalize, type Block } from '@marginalia/content';
import { createHash } from 'node:crypto';
import type { StoredAnchorJson } from '../comments/anchor-data.js';
import { subscribeEvents } from '../../test/support/comments/events.js';
import { seedThread, selectorOf } from '../../test/support/comments/fixtures.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import { ReanchorProcessor } from './reanchor.processor.js';
import { ReanchorService } from './reanchor.service.js';
import { eventually } from '../../test/support/eventually.js';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const HEADING: Block = { kind: 'heading', level: 2, text: 'A short history of marginalia' };
const P1 = p('Marginalia began as a habit of medieval scribes who annotated the manuscripts they copied.');
const P2 = p('Printing made margins wider, and readers filled them with arguments, recipes and prayers.');
const P3 = p('Some famous notes changed mathematics, like the margin that was too narrow for a proof.');
const P4 = p('Today, digital tools let strangers share their notes on the same page of a book 📚.');
const P2_EDITED = p('Printing made margins wider, and readers filled them with argument, recipes and prayers.');

const REVISION_1 = [HEADING, P1, P2, P3, P4];
/** P4 moved up, P2 lightly edited, P3 deleted, a paragraph added. */
const REVISION_2 = [HEADING, P1, P4, P2_EDITED, p('Nothing else survived the edit.')];

const PASSAGES = {
  unchanged: 'annotated the manuscripts',
  movedParagraph: 'digital tools let strangers share',
  shifted: 'recipes and prayers',
  edited: 'filled them with arguments',
  deleted: 'the margin that was too narrow',
} as const;

describe('re-anchoring threads when an article gets a new revision', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** What an import does: the revision, the current pointer and the job, in one transaction. */
  async function storeRevision(
    articleId: string,
    version: number,
    blocks: Block[],
  ): Promise<{ id: string; text: string }> {
    const { text } = canonicalize(blocks);
    const reanchor = api.app.get(ReanchorService);
    const { revision, outboxId } = await prisma.$transaction(async (tx) => {
      const created = await tx.articleRevision.create({
        data: {
          articleId,
          version,
          blocks: blocks as never,
          canonicalText: text,
          contentHash: createHash('sha256').update(text).digest('hex'),
        },
      });
      await tx.article.update({ where: { id: articleId }, data: { currentRevisionId: created.id } });
      return { revision: created, outboxId: await reanchor.enqueue(tx, articleId, created.id) };
    });
    await reanchor.dispatch([outboxId]);
    return { id: revision.id, text };
  }

  it('moves every thread onto the new revision, records how, keeps the original, and is idempotent', async () => {
    const article = await makeArticle(prisma, { blocks: REVISION_1 });
    const author = await api.register();
    const threadOf: Record<string, string> = {};
    for (const [name, passage] of Object.entries(PASSAGES)) {
      const { start, end } = selectorOf(article.text, passage);
      const described = describeRange(article.text, start, end);
      const anchor = { revisionId: article.revisionId, position: described.position, quote: described.quote };
      threadOf[name] = (await seedThread(prisma, { articleId: article.id, authorId: author.userId, anchor })).threadId;
    }
    const page = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const originals = new Map(
      (await prisma.thread.findMany({ where: { articleId: article.id } })).map((t) => [t.id, t.originalAnchor]),
    );
    const live = await subscribeEvents(api, article.id);

    const revision = await storeRevision(article.id, 2, REVISION_2);
    const threads = await eventually(
      async () => {
        const rows = await prisma.thread.findMany({ where: { articleId: article.id, anchorStatus: { not: null } } });
        return rows.every((t) => t.revisionId === revision.id) ? new Map(rows.map((t) => [t.id, t])) : undefined;
      },
      { timeoutMs: 15_000, what: 'the re-anchoring job' },
    );

    const expectAt = (name: keyof typeof PASSAGES, status: string, exact: string): void => {
      const thread = threads.get(threadOf[name]!)!;
      const { start, end } = selectorOf(revision.text, exact);
      const described = describeRange(revision.text, start, end);
      expect({ name, status: thread.anchorStatus, start: thread.anchorStart }).toEqual({ name, status, start });
      expect(thread.anchor).toEqual({ revisionId: revision.id, position: { start, end }, quote: described.quote });
    };
    expectAt('unchanged', 'ANCHORED', PASSAGES.unchanged);
    expectAt('movedParagraph', 'ANCHORED', PASSAGES.movedParagraph);
    expectAt('shifted', 'ANCHORED', PASSAGES.shifted);
    expectAt('edited', 'FUZZY', 'filled them with argument');
    expect(threads.get(threadOf['unchanged']!)!.anchorScore).toBe(1);
    expect(threads.get(threadOf['edited']!)!.anchorScore).toBeGreaterThan(0.75);
    expect(threads.get(threadOf['edited']!)!.anchorScore).toBeLessThan(1);

    const orphan = threads.get(threadOf['deleted']!)!;
    expect(orphan).toMatchObject({ anchorStatus: 'ORPHANED', anchorStart: null, anchorScore: null });
    // Where it was last seen, so a later revision restoring the passage can find it again.
    expect((orphan.anchor as unknown as StoredAnchorJson).revisionId).toBe(article.revisionId);

    for (const [id, original] of originals) {
      expect((await prisma.thread.findUniqueOrThrow({ where: { id } })).originalAnchor).toEqual(original);
    }
    const pageThread = await prisma.thread.findUniqueOrThrow({ where: { id: page.threadId } });
    expect(pageThread).toMatchObject({ anchor: null, anchorStatus: null, revisionId: null });

    await eventually(async () => (live.events.length >= 5 ? true : undefined), {
      timeoutMs: 5000,
      what: 'THREAD_REANCHORED events',
    });
    expect(new Set(live.events.map((e) => `${e.type}:${e.threadId}`))).toEqual(
      new Set(Object.values(threadOf).map((id) => `THREAD_REANCHORED:${id}`)),
    );
    await live.close();

    // Readers see the orphan listed apart, with the passage it was written on.
    const read = await api.gql<{ article: { orphanedThreads: Array<{ id: string; originalQuote: string }> } }>(
      'query($slug: String!) { article(slug: $slug) { orphanedThreads { id originalQuote } } }',
      { slug: article.slug },
    );
    expect(read.data!.article.orphanedThreads).toEqual([{ id: threadOf['deleted'], originalQuote: PASSAGES.deleted }]);

    // Twice: asking again records no second job, and running the job again changes nothing.
    const snapshot = await prisma.thread.findMany({ where: { articleId: article.id }, orderBy: { id: 'asc' } });
    const again = await prisma.$transaction((tx) => api.app.get(ReanchorService).enqueue(tx, article.id, revision.id));
    expect(
      await prisma.outbox.count({
        where: { jobName: 'reanchor-article', dedupeKey: { startsWith: `reanchor-article:${article.id}:` } },
      }),
    ).toBe(1);
    expect(again).toEqual(expect.any(String));
    const rerun = await worker.get(ReanchorProcessor).reanchor({ articleId: article.id, revisionId: revision.id });
    expect(rerun).toEqual({ moved: 0 });
    expect(await prisma.thread.findMany({ where: { articleId: article.id }, orderBy: { id: 'asc' } })).toEqual(
      snapshot,
    );
  });

  it('finds an orphan again when a later revision restores its passage, and never goes backwards', async () => {
    const article = await makeArticle(prisma, { blocks: REVISION_1 });
    const author = await api.register();
    const { start, end } = selectorOf(article.text, PASSAGES.deleted);
    const d = describeRange(article.text, start, end);
    const { threadId } = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      anchor: { revisionId: article.revisionId, position: d.position, quote: d.quote },
    });
    const second = await storeRevision(article.id, 2, REVISION_2);
    await eventually(async () => {
      const t = await prisma.thread.findUniqueOrThrow({ where: { id: threadId } });
      return t.revisionId === second.id ? t : undefined;
    });
    const third = await storeRevision(article.id, 3, [...REVISION_2, P3]);
    const found = await eventually(async () => {
      const t = await prisma.thread.findUniqueOrThrow({ where: { id: threadId } });
      return t.revisionId === third.id ? t : undefined;
    });
    expect(found.anchorStatus).toBe('ANCHORED');
    expect(found.anchorStart).toBe(selectorOf(third.text, PASSAGES.deleted).start);

    // A late job for an older revision leaves the thread where it is.
    const late = await worker.get(ReanchorProcessor).reanchor({ articleId: article.id, revisionId: second.id });
    expect(late).toEqual({ moved: 0 });
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).revisionId).toBe(third.id);
  });

  it('discards a job for a revision of another article', async () => {
    const one = await makeArticle(prisma);
    const two = await makeArticle(prisma);
    await expect(
      worker.get(ReanchorProcessor).reanchor({ articleId: one.id, revisionId: two.revisionId }),
    ).rejects.toThrow(/does not exist/);
  });
});
