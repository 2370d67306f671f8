import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';
import { startWorker } from '../support/worker.js';
import { seedThread } from '../support/comments/fixtures.js';
import { ModerationSettingsService } from '../../src/moderation/moderation-settings.service.js';
import { anno } from '../support/web-annotations/anno-client.js';
import { eventually } from '../support/eventually.js';

const EDIT = `mutation($input: EditCommentInput!) { editComment(input: $input) { id status } }`;
const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { __typename } }`;
const FLAG = `mutation($input: FlagCommentInput!) { flagComment(input: $input) { id } }`;
const POST = `mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }`;
const QUEUE = `query($queue: ModerationQueue!, $articleId: ID) {
  moderationQueue(queue: $queue, articleId: $articleId, first: 50) {
  items { comment { id bodySource revisions { bodySource createdAt } } } } }`;

const DAY = 24 * 3600 * 1000;

/**
 * Editing must never be a way around a moderator or the readers' flags: a comment held by a
 * person or by flags stays held through an edit, and the pipeline never decides an edited
 * comment more leniently than the standing human decision or the flags on it.
 */
describe('edits of held comments', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let moderator: Awaited<ReturnType<TestApi['register']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    moderator = await api.register();
    await prisma.user.update({ where: { id: moderator.userId }, data: { role: 'MODERATOR' } });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** Waits until the worker has decided every comment posted so far: one more post, decided. */
  async function settle(articleId: string): Promise<void> {
    const bystander = await api.register();
    const posted = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
      POST,
      { input: { articleId, body: 'A bystander passing by' } },
      bystander.token,
    );
    const id = posted.data!.createThread.comments[0]!.id;
    await eventually(async () => {
      const row = await prisma.comment.findUniqueOrThrow({ where: { id } });
      return row.status === 'PENDING' ? undefined : true;
    });
    expect(await prisma.comment.count({ where: { thread: { articleId }, status: 'PENDING' } })).toBe(0);
  }

  it('keeps a comment a moderator held HELD when its author edits it, and shows moderators the new revision', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, body: 'Fine' });
    const held = await api.gql(MODERATE, { input: { commentId, action: 'HOLD' } }, moderator.token);
    expect(held.errors).toBeUndefined();

    const edited = await api.gql<{ editComment: { status: string } }>(
      EDIT,
      { input: { commentId, body: 'Fine, with one character more' } },
      author.token,
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.editComment.status).toBe('HELD');
    await settle(article.id);

    const row = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({
      status: 'HELD',
      statusReason: 'HELD_BY_MODERATOR',
      bodySource: 'Fine, with one character more',
    });
    const queue = await api.gql<{
      moderationQueue: { items: Array<{ comment: { id: string; revisions: Array<{ bodySource: string }> } }> };
    }>(QUEUE, { queue: 'PENDING', articleId: article.id }, moderator.token);
    const item = queue.data!.moderationQueue.items.find((i) => i.comment.id === commentId);
    expect(item?.comment.revisions.map((r) => r.bodySource)).toEqual(['Fine']);
  });

  it('keeps a held comment HELD when its author replaces it through the W3C annotation endpoint', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, body: 'Fine' });
    await api.gql(MODERATE, { input: { commentId, action: 'HOLD' } }, moderator.token);
    const path = `/annotations/${article.slug}/${commentId}`;
    const current = await anno(api, 'GET', path, { token: author.token });
    expect(current.status).toBe(200);
    const edit = { ...current.json, body: { type: 'TextualBody', value: 'Fine, again', format: 'text/markdown' } };
    const put = await anno(api, 'PUT', path, {
      token: author.token,
      body: edit,
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(put.status).toBe(200);
    await settle(article.id);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({
      status: 'HELD',
      bodySource: 'Fine, again',
    });
  });

  it('keeps a comment hidden by flags HELD through an edit', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const { flagThreshold } = await api.app.get(ModerationSettingsService).get();
    await flagByReadersWithStanding(commentId, flagThreshold);
    await eventually(async () => {
      const row = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
      return row.status === 'HELD' ? true : undefined;
    });

    const edited = await api.gql<{ editComment: { status: string } }>(
      EDIT,
      { input: { commentId, body: 'Now perfectly polite.' } },
      author.token,
    );
    expect(edited.data?.editComment.status).toBe('HELD');
    await settle(article.id);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({
      status: 'HELD',
      statusReason: 'FLAGGED',
    });
  });

  it('never publishes an edited comment whose open flags are past the threshold', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const { flagThreshold } = await api.app.get(ModerationSettingsService).get();
    // Flags past the threshold on a comment still published (say the threshold was lowered since).
    for (let i = 0; i < flagThreshold; i++) {
      const reader = await readerWithStanding();
      await prisma.flag.create({
        data: { commentId, reporterId: reader.userId, reason: 'ABUSE', openKey: `${commentId}:${reader.userId}` },
      });
    }
    await prisma.comment.update({ where: { id: commentId }, data: { openFlagCount: flagThreshold } });

    const edited = await api.gql(EDIT, { input: { commentId, body: 'Edited to slip past' } }, author.token);
    expect(edited.errors).toBeUndefined();
    await settle(article.id);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({
      status: 'HELD',
      statusReason: 'FLAGGED',
    });
  });

  it('lets the pipeline decide again an edit of a comment the pipeline itself held', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      status: 'HELD',
    });
    await prisma.comment.update({ where: { id: commentId }, data: { statusReason: 'SUSPECT_WORD' } });
    await api.gql(EDIT, { input: { commentId, body: 'Reworded without the word' } }, author.token);
    const decided = await eventually(async () => {
      const row = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
      return row.status === 'PENDING' ? undefined : row;
    });
    expect(decided.status).toBe('PUBLISHED');
  });

  it('counts only flags from accounts with standing toward hiding a comment; the others still report it', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const { flagThreshold } = await api.app.get(ModerationSettingsService).get();
    for (let i = 0; i < flagThreshold + 2; i++) {
      const throwaway = await api.register();
      expect((await api.gql(FLAG, { input: { commentId, reason: 'SPAM' } }, throwaway.token)).errors).toBeUndefined();
    }
    await settle(article.id);
    // Give the flag jobs (queued with the flags, before the bystander's post) time to have run.
    await eventually(async () =>
      (await prisma.outbox.count({ where: { jobName: 'evaluate-flags', dispatchedAt: null } })) === 0
        ? true
        : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const row = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({ status: 'PUBLISHED', openFlagCount: flagThreshold + 2 });
    const reported = await api.gql<{ moderationQueue: { items: Array<{ comment: { id: string } }> } }>(
      QUEUE,
      { queue: 'REPORTED', articleId: article.id },
      moderator.token,
    );
    expect(reported.data!.moderationQueue.items.map((i) => i.comment.id)).toContain(commentId);

    // As many readers with standing hide it: only their flags count toward the threshold.
    await flagByReadersWithStanding(commentId, flagThreshold);
    await eventually(async () => {
      const hidden = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
      return hidden.status === 'HELD' ? true : undefined;
    });
  });

  async function flagByReadersWithStanding(commentId: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const reader = await readerWithStanding();
      expect((await api.gql(FLAG, { input: { commentId, reason: 'ABUSE' } }, reader.token)).errors).toBeUndefined();
    }
  }

  /** A reader whose account is old enough and has published comments: their flags count. */
  async function readerWithStanding(): Promise<Awaited<ReturnType<TestApi['register']>>> {
    const reader = await api.register();
    await prisma.user.update({
      where: { id: reader.userId },
      data: { createdAt: new Date(Date.now() - 30 * DAY), commentCount: 5 },
    });
    return reader;
  }
});
