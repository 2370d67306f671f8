import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import { DigestService } from './digest.service.js';
import { TestApi, errorCode } from '../../test/support/api-client.js';
import { TWO_TOPICS, writeComment } from '../../test/support/digest/discussion.js';
import { eventually } from '../../test/support/eventually.js';
import { makeArticle } from '../../test/support/factories.js';
import { postComment, registerAs, waitForStatus } from '../../test/support/moderation/e2e-helpers.js';
import { startWorker } from '../../test/support/worker.js';

const DIGEST = `query($articleId: ID!) { articleDigest(articleId: $articleId) {
  updatedAt commentCount sourceCommentIds
  themes { label terms commentIds sentences { text commentId } passage { quote start end } }
  openQuestions { text commentId } } }`;

interface DigestView {
  updatedAt: string;
  commentCount: number;
  sourceCommentIds: string[] | null;
  themes: Array<{
    label: string;
    terms: string[];
    commentIds: string[];
    sentences: Array<{ text: string; commentId: string }>;
    passage: { quote: string; start: number; end: number } | null;
  }>;
  openQuestions: Array<{ text: string; commentId: string }>;
}

const DEBOUNCE_MS = 300;

describe('the digest of what readers are saying', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let moderator: { token: string };
  const saved = process.env['DIGEST_DEBOUNCE_MS'];

  beforeAll(async () => {
    process.env['DIGEST_DEBOUNCE_MS'] = String(DEBOUNCE_MS);
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    moderator = await registerAs(api, prisma, 'MODERATOR');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    if (saved === undefined) delete process.env['DIGEST_DEBOUNCE_MS'];
    else process.env['DIGEST_DEBOUNCE_MS'] = saved;
  });

  const digestOf = async (articleId: string, token?: string): Promise<DigestView | null> => {
    const res = await api.gql<{ articleDigest: DigestView | null }>(DIGEST, { articleId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.articleDigest;
  };
  /** The digest once one built after `after` (ISO time) and matching `fits` is stored. */
  const builtAfter = (
    articleId: string,
    after = '',
    fits: (digest: DigestView) => boolean = () => true,
  ): Promise<DigestView> =>
    eventually(
      async () => {
        const digest = await digestOf(articleId, moderator.token);
        return digest && digest.updatedAt > after && fits(digest) ? digest : undefined;
      },
      { what: `a digest built after ${after || 'nothing'}`, intervalMs: 100 },
    );

  /** An article with the two-topic discussion, plus comments that must never show. */
  async function discussion(): Promise<{ articleId: string; published: Map<string, string>; hidden: string[] }> {
    const article = await makeArticle(prisma);
    const published = new Map<string, string>();
    for (const [author, body] of TWO_TOPICS) {
      published.set(await writeComment(prisma, article.id, author, body), body);
    }
    const hidden = [
      await writeComment(prisma, article.id, 'ivy', 'Tomato compost garden secret held zq81 tomato plants.', 'HELD'),
      await writeComment(prisma, article.id, 'jon', 'Bicycle winter lane rejected vx42 cycling tyres.', 'REJECTED'),
      await writeComment(prisma, article.id, 'kim', 'Tomato garden pending pw17 compost question?', 'PENDING'),
      await writeComment(prisma, article.id, 'lou', 'Cycling winter deleted dl55 bicycle lane.', 'DELETED'),
    ];
    return { articleId: article.id, published, hidden };
  }

  it('builds on first read from published comments only, quoting them verbatim', async () => {
    const { articleId, published, hidden } = await discussion();
    expect(await digestOf(articleId)).toBeNull();

    const digest = await builtAfter(articleId);
    expect(digest.commentCount).toBe(published.size);
    expect(digest.themes.length).toBe(2);
    const quoted = [...digest.themes.flatMap((t) => t.sentences), ...digest.openQuestions];
    expect(quoted.length).toBeGreaterThan(0);
    for (const { text, commentId } of quoted) {
      expect(published.get(commentId)).toContain(text);
    }
    const everything = JSON.stringify(digest);
    for (const secret of ['zq81', 'vx42', 'pw17', 'dl55', ...hidden]) expect(everything).not.toContain(secret);
    expect(new Set(digest.sourceCommentIds)).toEqual(new Set(published.keys()));
    // The tomato growers and the winter cyclists: each theme holds one topic's four comments.
    const labels = digest.themes.map((t) => t.terms.join(' '));
    expect(labels.some((l) => /tomato|garden|compost/.test(l))).toBe(true);
    expect(labels.some((l) => /bicycle|winter|cycling|lane|tyre/.test(l))).toBe(true);
    expect(digest.themes.map((t) => t.commentIds.length).sort()).toEqual([4, 4]);
  });

  it('shows the comments that fed it to staff only', async () => {
    const { articleId } = await discussion();
    await builtAfter(articleId);
    const reader = await api.register();
    expect((await digestOf(articleId, reader.token))!.sourceCommentIds).toBeNull();
    expect((await digestOf(articleId))!.sourceCommentIds).toBeNull();
    expect((await digestOf(articleId, moderator.token))!.sourceCommentIds).toHaveLength(TWO_TOPICS.length);
  });

  it('refuses an unpublished article to readers and a malformed id with its field', async () => {
    const { articleId } = await discussion();
    await prisma.article.update({ where: { id: articleId }, data: { state: 'UNPUBLISHED' } });
    const hidden = await api.gql(DIGEST, { articleId });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const bad = await api.gql(DIGEST, { articleId: 'not-an-id' });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('articleId');
  });

  it('says nothing while there are fewer than five comments', async () => {
    const article = await makeArticle(prisma);
    for (const [author, body] of TWO_TOPICS.slice(0, 3)) await writeComment(prisma, article.id, author, body);
    await digestOf(article.id);
    const digest = await builtAfter(article.id);
    expect(digest).toMatchObject({ commentCount: 3, themes: [], openQuestions: [] });
  });

  it('rebuilds after a new comment is published, once the debounce window ends', async () => {
    const { articleId } = await discussion();
    await digestOf(articleId);
    const before = await builtAfter(articleId);
    const reader = await api.register();
    const body = 'Winter cycling on the river bicycle lane with studded tyres is my daily commute now.';
    const commentId = await postComment(api, reader.token, articleId, body);
    await waitForStatus(prisma, commentId, 'PUBLISHED');

    const after = await builtAfter(articleId, before.updatedAt, (d) => d.commentCount > before.commentCount);
    expect(after.commentCount).toBe(before.commentCount + 1);
    expect(after.sourceCommentIds).toContain(commentId);
    expect(after.themes.some((t) => t.commentIds.includes(commentId))).toBe(true);
  });

  it('drops a deleted comment at once and rebuilds without it, even when no event announced the delete', async () => {
    const { articleId } = await discussion();
    await digestOf(articleId);
    const before = await builtAfter(articleId);
    const cited = before.themes[0]!.sentences[0]!;
    await prisma.comment.update({ where: { id: cited.commentId }, data: { status: 'DELETED' } });

    const served = (await digestOf(articleId, moderator.token))!;
    expect(JSON.stringify(served.themes)).not.toContain(cited.commentId);
    // Written straight to the database, the delete announced no event: the read that found the
    // quoted comment gone asked for the rebuild.
    const rebuilt = await builtAfter(
      articleId,
      before.updatedAt,
      (d) => !d.sourceCommentIds!.includes(cited.commentId),
    );
    expect(rebuilt.commentCount).toBe(before.commentCount - 1);
    expect(JSON.stringify(rebuilt)).not.toContain(cited.text);
  });

  it('rebuilds without a comment a moderator rejects, on the rejection alone', async () => {
    const { articleId } = await discussion();
    await digestOf(articleId);
    const before = await builtAfter(articleId);
    const quoted = new Set(before.themes.flatMap((t) => t.sentences.map((s) => s.commentId)));
    // A comment the digest does not quote: nothing on the read path notices it went.
    const unquoted = before.sourceCommentIds!.find((id) => !quoted.has(id))!;
    const rejected = await api.gql(
      `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }`,
      { input: { commentId: unquoted, action: 'REJECT', reason: 'off topic' } },
      moderator.token,
    );
    expect(rejected.errors).toBeUndefined();

    const rebuilt = await builtAfter(articleId, before.updatedAt, (d) => !d.sourceCommentIds!.includes(unquoted));
    expect(rebuilt.commentCount).toBe(before.commentCount - 1);
    expect(rebuilt.themes.some((t) => t.commentIds.includes(unquoted))).toBe(false);
  });

  it('schedules one rebuild per article and window, at the end of the window', async () => {
    const { articleId } = await discussion();
    const digests = api.app.get(DigestService);
    const queue = api.app.get(JobQueue).queue('maintenance');
    // An hour ahead, so the jobs wait (delayed) while they are looked at.
    const windowStart = (Math.floor(Date.now() / DEBOUNCE_MS) + Math.ceil(3_600_000 / DEBOUNCE_MS)) * DEBOUNCE_MS;
    await digests.schedule(articleId, windowStart + 10);
    await digests.schedule(articleId, windowStart + DEBOUNCE_MS - 10);
    await digests.schedule(articleId, windowStart + DEBOUNCE_MS + 10);

    const ids = [0, 1].map((n) => `digest-${articleId}-${windowStart / DEBOUNCE_MS + n}`);
    const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    try {
      // The first two changes share one job, due when their window ends; the third has its own.
      expect(jobs.map((j) => j?.name)).toEqual(['build-digest', 'build-digest']);
      expect(jobs[0]!.opts.delay).toBe(DEBOUNCE_MS - 10);
      expect(jobs[1]!.opts.delay).toBe(DEBOUNCE_MS - 10);
      const waiting = (await queue.getDelayed()).filter(
        (j) => j.name === 'build-digest' && j.data.articleId === articleId,
      );
      expect(waiting).toHaveLength(2);
      // A window already scheduled is not asked for again: its job, removed here, stays gone.
      await jobs[1]!.remove();
      await digests.schedule(articleId, windowStart + DEBOUNCE_MS + 20);
      expect(await queue.getJob(ids[1]!)).toBeUndefined();
    } finally {
      await Promise.all(jobs.map((j) => j?.remove()));
    }
  });
});
