import type { Block } from '@marginalia/content';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CommentStatus, Stance } from '../generated/prisma/enums.js';
import { anchoredThreadData } from '../comments/anchor-data.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';

const DEBATE = `query($slug: String!) { article(slug: $slug) { debateStances {
  topic start sides { speaker stances { agree disagree question evidence } } } } }`;

interface Topic {
  topic: string | null;
  start: number;
  sides: Array<{ speaker: string; stances: { agree: number; disagree: number; question: number; evidence: number } }>;
}

const DEBATE_BLOCKS: Block[] = [
  { kind: 'paragraph', text: 'Should the city close the old bridge?' },
  { kind: 'heading', level: 2, text: 'Safety first' },
  { kind: 'turn', speaker: 'L', text: 'The bridge failed two inspections in a row.' },
  { kind: 'turn', speaker: 'C', text: 'Both failures were about paint, not steel.' },
  { kind: 'heading', level: 2, text: 'The cost of closing' },
  { kind: 'turn', speaker: 'C', text: 'Closing it adds twenty minutes to every commute.' },
  { kind: 'turn', speaker: 'L', text: 'A ferry would carry most of that traffic.' },
];

describe('stances on a debate, by side', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  async function post(
    article: { id: string; revisionId: string; text: string },
    exact: string,
    who: string,
    stance: Stance,
    status: CommentStatus = 'PUBLISHED',
  ): Promise<string> {
    const start = Array.from(article.text.slice(0, article.text.indexOf(exact))).length;
    const thread = await prisma.thread.create({
      data: {
        articleId: article.id,
        ...anchoredThreadData({
          revisionId: article.revisionId,
          position: { start, end: start + Array.from(exact).length },
          quote: { exact, prefix: '', suffix: '' },
        }),
      },
    });
    const comment = await prisma.comment.create({
      data: { threadId: thread.id, legacyAuthor: who, bodySource: 'x', bodyHtml: '<p>x</p>', status, stance },
    });
    return comment.id;
  }

  it('counts each side’s stances per topic, thread openers only, published only, people once', async () => {
    const article = await makeArticle(prisma, { blocks: DEBATE_BLOCKS });
    await post(article, 'failed two inspections', 'ann', 'AGREE');
    await post(article, 'two inspections in a row', 'ann', 'AGREE');
    await post(article, 'failed two inspections', 'bo', 'AGREE');
    await post(article, 'about paint, not steel', 'cy', 'DISAGREE');
    await post(article, 'about paint, not steel', 'di', 'QUESTION', 'HELD');
    const opener = await post(article, 'twenty minutes', 'di', 'EVIDENCE');
    // A reply's stance is toward the comment it answers, not the turn.
    const root = await prisma.comment.findUniqueOrThrow({ where: { id: opener } });
    await prisma.comment.create({
      data: {
        threadId: root.threadId,
        parentId: opener,
        legacyAuthor: 'ed',
        bodySource: 'y',
        bodyHtml: '<p>y</p>',
        status: 'PUBLISHED',
        stance: 'DISAGREE',
      },
    });

    const res = await api.gql<{ article: { debateStances: Topic[] } }>(DEBATE, { slug: article.slug });
    expect(res.errors).toBeUndefined();
    const none = { agree: 0, disagree: 0, question: 0, evidence: 0 };
    expect(res.data!.article.debateStances).toEqual([
      {
        topic: 'Safety first',
        start: expect.any(Number),
        sides: [
          { speaker: 'L', stances: { ...none, agree: 2 } },
          { speaker: 'C', stances: { ...none, disagree: 1 } },
        ],
      },
      {
        topic: 'The cost of closing',
        start: expect.any(Number),
        sides: [
          { speaker: 'C', stances: { ...none, evidence: 1 } },
          { speaker: 'L', stances: none },
        ],
      },
    ]);
  });

  it('is null on an article that is not a debate', async () => {
    const article = await makeArticle(prisma);
    const res = await api.gql<{ article: { debateStances: Topic[] | null } }>(DEBATE, { slug: article.slug });
    expect(res.errors).toBeUndefined();
    expect(res.data!.article.debateStances).toBeNull();
  });
});
