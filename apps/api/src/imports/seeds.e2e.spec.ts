import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { startWorker } from '../../test/support/worker.js';
import { adminToken, importAndWait, SEED_DIR, type JobView } from '../../test/support/imports/import-client.js';

const SEEDS = {
  debate: '000_5f63a58251b01c4f.txt',
  comments: '001_2d1773f78bfeacc0.txt',
  wiki: '002_07e98e356f1fe255.txt',
  news: '003_384cb031686cce25.txt',
} as const;

const ARTICLE = `query($slug: String!) { article(slug: $slug) {
  id title author siteName
  revision { version text blocks { kind text speaker level start end } }
  threads { id anchor { start end exact status } comments { id parentId authorName legacyNumber postedAt status } } } }`;

interface Block {
  kind: string;
  text: string;
  speaker: string | null;
  level: number | null;
  start: number;
  end: number;
}
interface Article {
  id: string;
  title: string;
  author: string | null;
  siteName: string | null;
  revision: { version: number; text: string; blocks: Block[] };
  threads: Array<{
    id: string;
    anchor: { start: number; end: number; exact: string; status: string } | null;
    comments: Array<{
      id: string;
      parentId: string | null;
      authorName: string;
      legacyNumber: number | null;
      postedAt: string;
      status: string;
    }>;
  }>;
}

/** The seed's 19 comments as printed: number, author, time (read as UTC). */
const COMMENTS_001: Array<[number, string, string]> = [
  [1, 'cornel lencar', '2017-12-06T23:18:00.000Z'],
  [2, 'Dr. Bill Wedin', '2017-12-07T00:55:00.000Z'],
  [3, 'Fran Macadam', '2017-12-07T08:36:00.000Z'],
  [4, 'craigsummers', '2017-12-07T10:06:00.000Z'],
  [5, 'Michael Kenny', '2017-12-07T10:10:00.000Z'],
  [6, 'collin', '2017-12-07T11:27:00.000Z'],
  [7, 'VikingLS', '2017-12-07T11:35:00.000Z'],
  [8, 'Paul', '2017-12-07T12:20:00.000Z'],
  [9, 'Stephen J', '2017-12-07T12:59:00.000Z'],
  [10, 'b.', '2017-12-07T13:02:00.000Z'],
  [11, 'Will Harrington', '2017-12-07T13:49:00.000Z'],
  [12, 'craigsummers', '2017-12-07T16:11:00.000Z'],
  [13, 'Ken Zaretzke', '2017-12-07T16:35:00.000Z'],
  [14, 'John', '2017-12-08T06:23:00.000Z'],
  [15, 'Dr. Diprospan', '2017-12-08T13:11:00.000Z'],
  [16, 'peter', '2017-12-08T16:00:00.000Z'],
  [17, 'Gazza', '2017-12-10T05:43:00.000Z'],
  [18, 'Gazza', '2017-12-10T05:58:00.000Z'],
  [19, 'JoAnne BRALEY', '2018-05-20T10:32:00.000Z'],
];

/** Code-point slice, as anchors count. */
const slice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

describe('importing the four seed documents', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  const jobs = {} as Record<keyof typeof SEEDS, JobView>;
  const articles = {} as Record<keyof typeof SEEDS, Article>;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    const token = await adminToken(api);
    for (const [key, file] of Object.entries(SEEDS) as Array<[keyof typeof SEEDS, string]>) {
      const text = readFileSync(path.join(SEED_DIR, file), 'utf8');
      jobs[key] = await importAndWait(api, token, { text });
      const res = await api.gql<{ article: Article }>(ARTICLE, { slug: jobs[key].articleSlug });
      articles[key] = res.data!.article;
    }
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('finishes every import with progress 100 and the resulting article', () => {
    for (const job of Object.values(jobs)) {
      expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 100, step: 'done', error: null });
      expect(job.articleId).toEqual(expect.any(String));
    }
  });

  it('serves blocks whose offsets index the canonical text', () => {
    for (const article of Object.values(articles)) {
      const { text, blocks } = article.revision;
      expect(article.revision.version).toBe(1);
      for (const block of blocks) expect(slice(text, block.start, block.end)).toBe(block.text);
      expect(blocks.map((b) => b.text).join('\n\n')).toBe(text);
    }
  });

  describe('000, a structured debate', () => {
    it('recovers the question as title and the topics, camps and closing parts as sections', () => {
      const article = articles.debate;
      expect(article.title).toBe('Should the US normalize diplomatic relations with Russia?');
      const headings = article.revision.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
      expect(headings).toEqual(
        expect.arrayContaining([
          'Preconditions before normalization steps',
          'Rewarding conquest signals to other powers',
          "Russia's rare earth offer as strategic asset",
          'Ceasefire pause versus durable peace risk',
          "Conservative's hardest question",
          "Liberal's hardest question",
          'The Divide',
          'MAGA/POPULIST-RIGHT',
          'ESTABLISHMENT/HAWK-RIGHT',
          'PROGRESSIVE/ANTI-WAR-LEFT',
          'MAINSTREAM-DEM/INTERNATIONALIST',
          'Both sides agree',
          'The real conflict',
          'What nobody has answered',
          'Sources',
        ]),
      );
    });

    it('keeps each turn as a block labelled with its side, and drops the bare L / C marker lines', () => {
      const blocks = articles.debate.revision.blocks;
      const turns = blocks.filter((b) => b.kind === 'turn');
      expect(turns.length).toBeGreaterThanOrEqual(16);
      expect(new Set(turns.map((t) => t.speaker))).toEqual(new Set(['L', 'C']));
      expect(blocks.some((b) => b.text === 'L' || b.text === 'C')).toBe(false);
      const afterHeading = (heading: string): Block[] => {
        const at = blocks.findIndex((b) => b.text === heading);
        return blocks.slice(at + 1, at + 5);
      };
      // Each topic is argued C, L, C, L, as marked in the source.
      expect(afterHeading('Preconditions before normalization steps').map((b) => [b.kind, b.speaker])).toEqual([
        ['turn', 'C'],
        ['turn', 'L'],
        ['turn', 'C'],
        ['turn', 'L'],
      ]);
      expect(afterHeading('Preconditions before normalization steps')[0]!.text).toMatch(/^The load-bearing wall/);
    });

    it('makes the Sources a list', () => {
      const blocks = articles.debate.revision.blocks;
      const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Sources');
      const after = blocks.slice(at + 1);
      expect(after.length).toBeGreaterThan(2);
      expect(after.every((b) => b.kind === 'list_item')).toBe(true);
    });
  });

  describe('001, an article with 19 legacy comments', () => {
    const byNumber = (): Map<number, Article['threads'][number]['comments'][number] & { threadId: string }> =>
      new Map(
        articles.comments.threads.flatMap((t) =>
          t.comments.map((c) => [c.legacyNumber!, { ...c, threadId: t.id }] as const),
        ),
      );

    it('recovers the site, title and author', () => {
      expect(articles.comments).toMatchObject({
        title: 'Is Rapprochement with Russia Still Possible?',
        author: 'Daniel Larison',
        siteName: 'The American Conservative',
      });
      const text = articles.comments.revision.text;
      expect(text.startsWith('U.S.-Russian relations are at one of their lowest points')).toBe(true);
      expect(text).not.toContain('Comments To');
      expect(text).not.toContain('Comment By');
    });

    it('imports the 19 comments with their authors and original times, published, tied to no account', async () => {
      const comments = byNumber();
      expect(
        [...comments.values()]
          .sort((a, b) => a.legacyNumber! - b.legacyNumber!)
          .map((c) => [c.legacyNumber, c.authorName, c.postedAt]),
      ).toEqual(COMMENTS_001);
      expect([...comments.values()].every((c) => c.status === 'PUBLISHED')).toBe(true);
      const rows = await prisma.comment.findMany({ where: { thread: { articleId: articles.comments.id } } });
      expect(rows).toHaveLength(19);
      expect(rows.every((r) => r.authorId === null && r.statusReason === 'IMPORTED')).toBe(true);
      const four = rows.find((r) => r.legacyNumber === 4)!;
      expect(four.legacyAuthor).toBe('craigsummers');
      expect(four.legacyPostedAt?.toISOString()).toBe('2017-12-07T10:06:00.000Z');
      expect(four.bodyHtml).toContain('Maintenance of');
    });

    it('anchors #4 and #10 on the article passages they quote', () => {
      const comments = byNumber();
      const text = articles.comments.revision.text;
      const anchorOf = (n: number): NonNullable<Article['threads'][number]['anchor']> => {
        const thread = articles.comments.threads.find((t) => t.id === comments.get(n)!.threadId)!;
        expect(thread.comments[0]!.legacyNumber).toBe(n); // it opens the thread
        return thread.anchor!;
      };
      const four = anchorOf(4);
      expect(four.status).toBe('ANCHORED');
      expect(four.exact).toMatch(/^Nothing compels the U\.S\. to compete with Russia in its own backyard/);
      expect(slice(text, four.start, four.end)).toBe(four.exact);
      const ten = anchorOf(10);
      expect(ten.exact).toMatch(/^Is a normal, productive relationship with Russia possible for the U\.S\.\?/);
      expect(slice(text, ten.start, ten.end)).toBe(ten.exact);
    });

    it('makes replies of the comments that quote or address an earlier one', () => {
      const comments = byNumber();
      const byId = new Map([...comments.values()].map((c) => [c.id, c]));
      const parentOf = (n: number): number | undefined => {
        const parentId = comments.get(n)!.parentId;
        return parentId ? byId.get(parentId)!.legacyNumber! : undefined;
      };
      // #2 "Cornell (above)" → cornel lencar; #7 "@Micheal Kenny"; #9 quotes #4; #11 "Craig Summers";
      // #17 quotes #6; #18 quotes #5.
      expect([2, 7, 9, 11, 17, 18].map((n) => [n, parentOf(n)])).toEqual([
        [2, 1],
        [7, 5],
        [9, 4],
        [11, 4],
        [17, 6],
        [18, 5],
      ]);
      for (const n of [2, 7, 9, 11, 17, 18]) {
        expect(comments.get(n)!.threadId).toBe(comments.get(parentOf(n)!)!.threadId);
      }
      for (const n of [1, 3, 8, 13, 19]) {
        expect(parentOf(n)).toBeUndefined();
        expect(articles.comments.threads.find((t) => t.id === comments.get(n)!.threadId)!.anchor).toBeNull();
      }
    });
  });

  describe('002, a scraped wiki article', () => {
    it('drops the Edit artefact from the title and keeps the bare section headings', () => {
      const article = articles.wiki;
      expect(article.title).toBe('Relations With Russia');
      expect(article.revision.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
        'History and context',
        'Security, deterrence, and alliance dynamics',
        'Economic relations and energy policy',
        'Diplomacy, institutions, and public diplomacy',
        'Conflicts, disputes, and controversial issues',
      ]);
      expect(article.revision.blocks.some((b) => /Edit$/.test(b.text))).toBe(false);
      expect(article.revision.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThan(10);
      expect(jobs.wiki.warnings.length).toBeGreaterThan(0);
    });
  });

  describe('003, a news summary', () => {
    it('derives a title and drops the link placeholder line', () => {
      const article = articles.news;
      expect(article.title).toMatch(/^Following February’s initial talks, U\.S\. and Russian delegations met/);
      expect(article.revision.blocks.some((b) => /Read the original article here/.test(b.text))).toBe(false);
      expect(article.revision.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
      expect(article.revision.blocks.length).toBeGreaterThanOrEqual(8);
    });
  });

  it('stores each article once, with one revision', async () => {
    const ids = Object.values(jobs).map((j) => j.articleId!);
    expect(new Set(ids).size).toBe(4);
    expect(await prisma.articleRevision.count({ where: { articleId: { in: ids } } })).toBe(4);
  });
});
