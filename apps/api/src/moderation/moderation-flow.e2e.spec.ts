import type { INestApplicationContext } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { startWorker } from '../../test/support/worker.js';
import {
  postComment,
  postReply,
  registerAs,
  subscribe,
  waitForStatus,
} from '../../test/support/moderation/e2e-helpers.js';
import { eventually } from '../../test/support/eventually.js';

const EVENTS = `subscription($articleId: ID) { moderationEvents(articleId: $articleId) {
  commentId status previousStatus entered left action actorId counts { pending unmoderated approved } } }`;
const QUEUE = `query($queue: ModerationQueue!, $articleId: ID) {
  moderationQueue(queue: $queue, articleId: $articleId) {
    items { id queues authorName comment { status statusReason }
      history { action fromStatus toStatus actorHandle } }
    pageInfo { hasNextPage } } }`;
const MODERATE = `mutation($input: ModerateCommentInput!) { moderateComment(input: $input) {
  id queues comment { status statusReason reviewedAt } } }`;
const NOTIFICATIONS = '{ notifications { unreadCount items { id kind message commentId articleSlug read } } }';

interface ModerationEvent {
  commentId: string;
  status: string;
  previousStatus: string | null;
  entered: string[];
  left: string[];
  action: string;
  actorId: string | null;
  counts: { pending: number; unmoderated: number; approved: number };
}

describe('moderation: pipeline → queues → moderators → authors', () => {
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

  it('tells subscribed moderators when the worker publishes a new comment', async () => {
    const article = await makeArticle(prisma);
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const author = await api.register();
    const live = subscribe<ModerationEvent>(api, EVENTS, 'moderationEvents', moderator.token, {
      articleId: article.id,
    });
    await live.connected;
    await new Promise((r) => setTimeout(r, 200));

    const commentId = await postComment(api, author.token, article.id, 'A calm, fair point about margins.');
    const event = await eventually(() => live.events.find((e) => e.commentId === commentId), {
      timeoutMs: 10_000,
      what: 'the event',
    });
    expect(event).toMatchObject({
      status: 'PUBLISHED',
      previousStatus: 'PENDING',
      entered: ['UNMODERATED'],
      left: [],
      action: 'PIPELINE',
      actorId: null,
    });
    expect(event.counts.unmoderated).toBeGreaterThanOrEqual(1);
    expect(live.errors).toEqual([]);
    await live.dispose();
  });

  it('holds a comment on a pre-moderated article; a moderator approves it; the author is told', async () => {
    const article = await makeArticle(prisma, { premod: true });
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const author = await api.register();
    const commentId = await postComment(api, author.token, article.id, 'Waiting for a human.');
    await waitForStatus(prisma, commentId, 'HELD');

    const pending = await api.gql<{ moderationQueue: { items: Array<{ id: string; queues: string[] }> } }>(
      QUEUE,
      { queue: 'PENDING', articleId: article.id },
      moderator.token,
    );
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.moderationQueue.items).toEqual([
      expect.objectContaining({
        id: commentId,
        queues: ['PENDING'],
        comment: { status: 'HELD', statusReason: 'PREMOD' },
        history: [{ action: 'PIPELINE', fromStatus: 'PENDING', toStatus: 'HELD', actorHandle: null }],
      }),
    ]);

    const approved = await api.gql<{ moderateComment: { queues: string[]; comment: { status: string } } }>(
      MODERATE,
      { input: { commentId, action: 'APPROVE', reason: 'fine' } },
      moderator.token,
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.moderateComment).toMatchObject({
      queues: ['APPROVED'],
      comment: { status: 'PUBLISHED', statusReason: 'APPROVED_BY_MODERATOR' },
    });
    const [thread, user] = await Promise.all([
      prisma.thread.findFirstOrThrow({ where: { articleId: article.id } }),
      prisma.user.findUniqueOrThrow({ where: { id: author.userId } }),
    ]);
    expect(thread.commentCount).toBe(1);
    expect(user.commentCount).toBe(1);
    const audit = await prisma.moderationAction.findMany({ where: { commentId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus, a.actorId])).toEqual([
      ['PIPELINE', 'PENDING', 'HELD', null],
      ['APPROVE', 'HELD', 'PUBLISHED', moderator.userId],
    ]);

    const inbox = await api.gql<{
      notifications: { unreadCount: number; items: Array<{ id: string; kind: string; articleSlug: string }> };
    }>(NOTIFICATIONS, {}, author.token);
    expect(inbox.data!.notifications.unreadCount).toBe(1);
    expect(inbox.data!.notifications.items).toEqual([
      expect.objectContaining({ kind: 'MODERATION', commentId, articleSlug: article.slug, read: false }),
    ]);
    const marked = await api.gql<{ markNotificationsRead: number }>(
      'mutation { markNotificationsRead }',
      {},
      author.token,
    );
    expect(marked.data!.markNotificationsRead).toBe(1);
  });

  it('shows a rejected comment to its author with the category the moderator chose', async () => {
    const article = await makeArticle(prisma);
    const moderator = await registerAs(api, prisma, 'ADMIN');
    const author = await api.register();
    const commentId = await postComment(api, author.token, article.id, 'Something the moderator dislikes.');
    await waitForStatus(prisma, commentId, 'PUBLISHED');
    const rejected = await api.gql(
      MODERATE,
      { input: { commentId, action: 'REJECT', category: 'OFFENSIVE', reason: 'insults another reader' } },
      moderator.token,
    );
    expect(rejected.errors).toBeUndefined();
    const seen = await api.gql<{ comment: { comment: Record<string, unknown> } }>(
      'query($id: ID!) { comment(id: $id) { comment { status statusReason isOwn } } }',
      { id: commentId },
      author.token,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.comment.comment).toEqual({ status: 'REJECTED', statusReason: 'REJECTED_OFFENSIVE', isOwn: true });
    const row = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(row).toMatchObject({ status: 'REJECTED', statusReason: 'REJECTED_OFFENSIVE' });
    const inbox = await api.gql<{ notifications: { items: Array<{ message: string }> } }>(
      NOTIFICATIONS,
      {},
      author.token,
    );
    expect(inbox.data!.notifications.items[0]!.message).toBe('A moderator rejected your comment (offensive)');
    const [thread, user] = await Promise.all([
      prisma.thread.findFirstOrThrow({ where: { articleId: article.id } }),
      prisma.user.findUniqueOrThrow({ where: { id: author.userId } }),
    ]);
    expect(thread.commentCount).toBe(0);
    expect(user).toMatchObject({ commentCount: 0, rejectedCount: 1 });
  });

  it('notifies the parent comment’s author once the reply is published', async () => {
    const article = await makeArticle(prisma);
    const parentAuthor = await api.register();
    const replier = await api.register();
    const parentId = await postComment(api, parentAuthor.token, article.id, 'Start of a conversation.');
    await waitForStatus(prisma, parentId, 'PUBLISHED');
    const replyId = await postReply(api, replier.token, parentId, 'And a reply to it.');
    await waitForStatus(prisma, replyId, 'PUBLISHED');
    const inbox = await api.gql<{ notifications: { items: Array<{ kind: string; commentId: string }> } }>(
      NOTIFICATIONS,
      {},
      parentAuthor.token,
    );
    expect(inbox.data!.notifications.items).toEqual([
      expect.objectContaining({ kind: 'REPLY', commentId: replyId, articleSlug: article.slug }),
    ]);
    const replierInbox = await api.gql<{ notifications: { items: unknown[] } }>(NOTIFICATIONS, {}, replier.token);
    expect(replierInbox.data!.notifications.items).toEqual([]);
  });
});
