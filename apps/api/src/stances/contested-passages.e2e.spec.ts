import type { Block } from '@marginalia/content';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CommentStatus, Stance } from '../generated/prisma/enums.js';
import { anchoredThreadData } from '../comments/anchor-data.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { recordStatements } from '../../test/support/statements.js';

const CONTESTED = `query($articleId: ID!, $first: Int) { contestedPassages(articleId: $articleId, first: $first) {
  start end quote stances { agree disagree question evidence } participants comments maxDepth score threadIds } }`;

interface Passage {
  start: number;
  end: number;
  quote: string;
  stances: { agree: number; disagree: number; question: number; evidence: number };
  participants: number;
  comments: number;
  maxDepth: number;
  score: number;
  threadIds: string[];
}

const BLOCKS: Block[] = [
  { kind: 'heading', level: 2, text: 'On margins' },
  { kind: 'paragraph', text: 'Readers write in the margins of books they love. The habit is older than print.' },
  { kind: 'paragraph', text: 'A margin note is a conversation with the author, and sometimes with other readers.' },
  { kind: 'paragraph', text: 'Printed margins grew narrower as paper got dearer, and notes moved to slips.' },
];

describe('contested passages', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  /** A discussion written straight to the database; people are legacy names (no accounts needed). */
  function discussionOn(article: { id: string; revisionId: string; text: string }) {
    return {
      async thread(exact: string): Promise<string> {
        const start = Array.from(article.text.slice(0, article.text.indexOf(exact))).length;
        const created = await prisma.thread.create({
          data: {
            articleId: article.id,
            ...anchoredThreadData({
              revisionId: article.revisionId,
              position: { start, end: start + Array.from(exact).length },
              quote: { exact, prefix: '', suffix: '' },
            }),
          },
        });
        return created.id;
      },
      async comment(
        threadId: string,
        who: string,
        stance: Stance | null,
        options: { parentId?: string; status?: CommentStatus } = {},
      ): Promise<string> {
        const row = await prisma.comment.create({
          data: {
            threadId,
            parentId: options.parentId ?? null,
            legacyAuthor: who,
            bodySource: `${who} says`,
            bodyHtml: `<p>${who} says</p>`,
            status: options.status ?? 'PUBLISHED',
            stance,
          },
        });
        return row.id;
      },
    };
  }

  const contested = async (articleId: string, token?: string, first?: number) =>
    api.gql<{ contestedPassages: Passage[] }>(CONTESTED, { articleId, first }, token);

  it('ranks a balanced passage above a one-sided one with many more comments', async () => {
    const article = await makeArticle(prisma, { blocks: BLOCKS });
    const d = discussionOn(article);
    const balanced = await d.thread('older than print');
    const root = await d.comment(balanced, 'ann', 'AGREE');
    await d.comment(balanced, 'bo', 'DISAGREE', { parentId: root });
    const oneSided = await d.thread('a conversation with the author');
    for (const who of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']) await d.comment(oneSided, who, 'AGREE');
    await d.comment(oneSided, 'c9', 'DISAGREE');
    const unanimous = await d.thread('notes moved to slips');
    for (const who of ['u1', 'u2', 'u3']) await d.comment(unanimous, who, 'AGREE');

    const res = await contested(article.id);
    expect(res.errors).toBeUndefined();
    const passages = res.data!.contestedPassages;
    expect(passages.map((p) => p.quote)).toEqual([
      'older than print',
      'a conversation with the author',
      'notes moved to slips',
    ]);
    expect(passages[0]).toMatchObject({
      stances: { agree: 1, disagree: 1, question: 0, evidence: 0 },
      participants: 2,
      maxDepth: 1,
      threadIds: [balanced],
    });
    expect(passages[1]!.comments).toBe(9);
    expect(passages[0]!.score).toBeGreaterThan(passages[1]!.score);
    expect(passages[2]!.score).toBe(0);
    expect((await contested(article.id, undefined, 1)).data!.contestedPassages).toHaveLength(1);
  });

  it('counts people, not comments, and merges overlapping threads into one passage', async () => {
    const article = await makeArticle(prisma, { blocks: BLOCKS });
    const d = discussionOn(article);
    const wide = await d.thread('The habit is older than print.');
    const narrow = await d.thread('older than print');
    for (let i = 0; i < 5; i++) await d.comment(wide, 'loud', 'DISAGREE');
    await d.comment(narrow, 'loud', 'DISAGREE');
    await d.comment(narrow, 'quiet', 'AGREE');
    const q = await d.comment(narrow, 'curious', 'QUESTION');
    await d.comment(narrow, 'scholar', 'EVIDENCE', { parentId: q });

    const [passage] = (await contested(article.id)).data!.contestedPassages;
    expect(passage).toMatchObject({
      quote: 'The habit is older than print.',
      stances: { agree: 1, disagree: 1, question: 1, evidence: 1 },
      participants: 4,
      comments: 9,
    });
    expect(passage!.threadIds.sort()).toEqual([wide, narrow].sort());
  });

  it('counts only published comments', async () => {
    const article = await makeArticle(prisma, { blocks: BLOCKS });
    const d = discussionOn(article);
    const t = await d.thread('older than print');
    await d.comment(t, 'ann', 'AGREE');
    for (const status of ['HELD', 'REJECTED', 'DELETED', 'PENDING'] as const) {
      await d.comment(t, `hidden-${status}`, 'DISAGREE', { status });
    }
    const [passage] = (await contested(article.id)).data!.contestedPassages;
    expect(passage).toMatchObject({ stances: { agree: 1, disagree: 0 }, participants: 1, comments: 1, score: 0 });

    // A reply under a deleted comment keeps its depth and counts.
    const deleted = await d.comment(t, 'gone', 'DISAGREE', { status: 'DELETED' });
    await d.comment(t, 'bo', 'DISAGREE', { parentId: deleted });
    const [after] = (await contested(article.id)).data!.contestedPassages;
    expect(after).toMatchObject({ stances: { agree: 1, disagree: 1 }, participants: 2, maxDepth: 1 });
    expect(after!.score).toBeGreaterThan(0);
  });

  it('rewards replies going back and forth', async () => {
    const article = await makeArticle(prisma, { blocks: BLOCKS });
    const d = discussionOn(article);
    const flat = await d.thread('older than print');
    await d.comment(flat, 'a', 'AGREE');
    await d.comment(flat, 'b', 'DISAGREE');
    const deep = await d.thread('notes moved to slips');
    const first = await d.comment(deep, 'c', 'AGREE');
    const second = await d.comment(deep, 'd', 'DISAGREE', { parentId: first });
    await d.comment(deep, 'c', null, { parentId: second });
    const passages = (await contested(article.id)).data!.contestedPassages;
    expect(passages.map((p) => [p.quote, p.maxDepth])).toEqual([
      ['notes moved to slips', 2],
      ['older than print', 0],
    ]);

    // Levels are counted up to 4, where the score stops counting them.
    const long = await d.thread('a conversation with the author');
    let parent = await d.comment(long, 'x', 'AGREE');
    for (let i = 0; i < 6; i++)
      parent = await d.comment(long, i % 2 ? 'x' : 'y', i ? null : 'DISAGREE', { parentId: parent });
    const chained = (await contested(article.id)).data!.contestedPassages;
    expect(chained.find((p) => p.quote === 'a conversation with the author')!.maxDepth).toBe(4);
  });

  it('reads in one statement per article, whatever the size of the discussion', async () => {
    const article = await makeArticle(prisma, { blocks: BLOCKS });
    const d = discussionOn(article);
    for (const exact of ['older than print', 'a conversation with the author', 'notes moved to slips']) {
      const t = await d.thread(exact);
      for (let i = 0; i < 10; i++) await d.comment(t, `p${i}`, i % 2 ? 'AGREE' : 'DISAGREE');
    }
    const statements = await recordStatements(async () => {
      const res = await contested(article.id);
      expect(res.data!.contestedPassages).toHaveLength(3);
    });
    expect(statements.filter((s) => s.includes('array_agg(DISTINCT w.who)'))).toHaveLength(1);
    // The article, then the tally (no statement per thread or passage).
    expect(statements.filter((s) => /"Comment"|"Thread"|"Article"/.test(s)).length).toBeLessThanOrEqual(2);
  });

  it('is open to anyone on a published article; an unpublished one is not found but for staff', async () => {
    const article = await makeArticle(prisma, { blocks: BLOCKS });
    const d = discussionOn(article);
    const t = await d.thread('older than print');
    await d.comment(t, 'a', 'AGREE');
    await d.comment(t, 'b', 'DISAGREE');
    expect((await contested(article.id)).data!.contestedPassages).toHaveLength(1);

    await prisma.article.update({ where: { id: article.id }, data: { state: 'UNPUBLISHED' } });
    const reader = await api.register();
    const moderator = await api.register();
    await prisma.user.update({ where: { id: moderator.userId }, data: { role: 'MODERATOR' } });
    expect(errorCode(await contested(article.id))).toBe('NOT_FOUND');
    expect((await contested(article.id, reader.token)).errors![0]!.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'articleId',
    });
    expect((await contested(article.id, moderator.token)).data!.contestedPassages).toHaveLength(1);

    expect((await contested(article.id, moderator.token, 0)).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    const missing = await api.gql(CONTESTED, { articleId: 'not-an-id' });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'articleId' });
  });
});
