import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import { DISCUSSION_SETTING_KEY } from './discussion-settings.js';
import { subscribeEvents } from '../../test/support/comments/events.js';
import { seedThread } from '../../test/support/comments/fixtures.js';
import { eventually } from '../../test/support/eventually.js';

const EDIT = `mutation($input: EditCommentInput!) { editComment(input: $input) {
  id status bodyHtml bodySource editedAt isOwn } }`;
const THREADS = `query($slug: String!) { article(slug: $slug) { threads { id commentCount comments { id status bodyHtml } } } }`;

interface Edited {
  editComment: { id: string; status: string; bodyHtml: string; bodySource: string; editedAt: string | null };
}

describe('editing comments', () => {
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

  it('keeps the old body, sends the new one through moderation again, and keeps counters right', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { threadId, commentId } = await seedThread(prisma, {
      articleId: article.id,
      authorId: author.userId,
      body: 'First *draft*',
    });
    const live = await subscribeEvents(api, article.id, author.token);
    const anonymous = await subscribeEvents(api, article.id);

    // No worker while the edit's own effects are checked: the pipeline would otherwise race them.
    await worker.close();
    const res = await api.gql<Edited>(EDIT, { input: { commentId, body: '  Second draft  ' } }, author.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.editComment).toMatchObject({ id: commentId, status: 'PENDING', bodySource: 'Second draft' });
    expect(res.data!.editComment.editedAt).not.toBeNull();
    const revisions = await prisma.commentRevision.findMany({ where: { commentId } });
    expect(revisions).toEqual([
      expect.objectContaining({ bodySource: 'First *draft*', bodyHtml: '<p>First <em>draft</em></p>\n' }),
    ]);
    // Left PUBLISHED: no longer counted until the pipeline publishes it again.
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).commentCount).toBe(0);
    expect(
      await prisma.outbox.count({ where: { jobName: 'moderate-comment', payload: { equals: { commentId } } } }),
    ).toBe(1);

    worker = await startWorker();
    const republished = await eventually(async () => {
      const row = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
      return row.status === 'PUBLISHED' ? row : undefined;
    });
    expect(republished.bodyHtml).toContain('Second draft');
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).commentCount).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.userId } })).commentCount).toBe(1);

    await eventually(async () => (live.events.length >= 2 ? true : undefined), {
      timeoutMs: 5000,
      what: 'edit events',
    });
    expect(live.events).toEqual([
      { type: 'COMMENT_EDITED', threadId, commentId, status: 'PENDING' },
      { type: 'COMMENT_STATUS_CHANGED', threadId, commentId, status: 'PUBLISHED' },
    ]);
    // Others never hear about the pending text, only that the comment is published again.
    expect(anonymous.events).toEqual([{ type: 'COMMENT_STATUS_CHANGED', threadId, commentId, status: 'PUBLISHED' }]);
    await Promise.all([live.close(), anonymous.close()]);
  });

  it('changes nothing when the body is the same', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, body: 'Same' });
    const res = await api.gql<Edited>(EDIT, { input: { commentId, body: 'Same' } }, author.token);
    expect(res.data!.editComment).toMatchObject({ status: 'PUBLISHED', editedAt: null });
    expect(await prisma.commentRevision.count({ where: { commentId } })).toBe(0);
  });

  it('links @mentions of existing users in the new body', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const handle = `mentioned_${Math.random().toString(36).slice(2, 8)}`;
    await api.register({ handle });
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const res = await api.gql<Edited>(
      EDIT,
      { input: { commentId, body: `Thanks @${handle.toUpperCase()} and @nobody_here, see \`@${handle}\`` } },
      author.token,
    );
    expect(res.data!.editComment.bodyHtml).toBe(
      `<p>Thanks <a href="/u/${handle}">@${handle}</a> and @nobody_here, see <code>@${handle}</code></p>\n`,
    );
  });

  it('refuses other readers, hides others’ held comments, and honours the edit window', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const other = await api.register();
    const published = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const held = await seedThread(prisma, { articleId: article.id, authorId: author.userId, status: 'HELD' });

    const notYours = await api.gql(EDIT, { input: { commentId: published.commentId, body: 'mine now' } }, other.token);
    expect(errorCode(notYours)).toBe('FORBIDDEN');
    const hidden = await api.gql(EDIT, { input: { commentId: held.commentId, body: 'x' } }, other.token);
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const anonymous = await api.gql(EDIT, { input: { commentId: published.commentId, body: 'x' } });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const ownHeld = await api.gql<Edited>(EDIT, { input: { commentId: held.commentId, body: 'better' } }, author.token);
    expect(ownHeld.data?.editComment.status).toBe('PENDING');

    await prisma.comment.update({
      where: { id: published.commentId },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    const late = await api.gql(EDIT, { input: { commentId: published.commentId, body: 'too late' } }, author.token);
    expect(errorCode(late)).toBe('FORBIDDEN');
    expect(late.errors?.[0]?.message).toMatch(/within 15 minutes/);

    await prisma.setting.upsert({
      where: { key: DISCUSSION_SETTING_KEY },
      create: { key: DISCUSSION_SETTING_KEY, value: { editWindowMinutes: 60 } },
      update: { value: { editWindowMinutes: 60 } },
    });
    try {
      const widened = await api.gql<Edited>(
        EDIT,
        { input: { commentId: published.commentId, body: 'in time after all' } },
        author.token,
      );
      expect(widened.data?.editComment.status).toBe('PENDING');
    } finally {
      await prisma.setting.delete({ where: { key: DISCUSSION_SETTING_KEY } });
    }
  });

  it('refuses bad input: empty or oversized bodies, malformed and unknown ids, deleted comments', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const empty = await api.gql(EDIT, { input: { commentId, body: ' \n ' } }, author.token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const huge = await api.gql(EDIT, { input: { commentId, body: 'x'.repeat(5001) } }, author.token);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const malformed = await api.gql(EDIT, { input: { commentId: 'nope', body: 'x' } }, author.token);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commentId' });
    const unknown = await api.gql(
      EDIT,
      { input: { commentId: '00000000-0000-4000-8000-000000000000', body: 'x' } },
      author.token,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    await prisma.comment.update({ where: { id: commentId }, data: { status: 'DELETED' } });
    const deleted = await api.gql(EDIT, { input: { commentId, body: 'back' } }, author.token);
    expect(errorCode(deleted)).toBe('NOT_FOUND');
  });

  it('shows the edited comment as pending to its author only until it is published again', async () => {
    const article = await makeArticle(prisma, { premod: true });
    const author = await api.register();
    const other = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, body: 'Fine' });
    await api.gql(EDIT, { input: { commentId, body: 'Edited on a pre-moderated article' } }, author.token);
    await eventually(async () =>
      (await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).status === 'HELD' ? true : undefined,
    );
    const theirs = await api.gql<{ article: { threads: unknown[] } }>(THREADS, { slug: article.slug }, other.token);
    expect(theirs.data!.article.threads).toEqual([]);
    const mine = await api.gql<{ article: { threads: Array<{ comments: Array<{ status: string }> }> } }>(
      THREADS,
      { slug: article.slug },
      author.token,
    );
    expect(mine.data!.article.threads[0]!.comments[0]!.status).toBe('HELD');
  });
});
