import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { registerAs, subscribe } from '../../test/support/moderation/e2e-helpers.js';
import { eventually } from '../../test/support/eventually.js';

const ID = '00000000-0000-4000-8000-000000000000';

/** Every moderation operation, with arguments that would be valid for staff. */
const OPERATIONS: Array<{ name: string; query: string; adminOnly?: boolean }> = [
  { name: 'moderationSettings', query: '{ moderationSettings { flagThreshold } }' },
  {
    name: 'updateModerationSettings',
    query: 'mutation { updateModerationSettings(input: {}) { flagThreshold } }',
    adminOnly: true,
  },
  { name: 'moderationQueue', query: '{ moderationQueue(queue: PENDING) { items { id } } }' },
  { name: 'moderationCounts', query: '{ moderationCounts { pending } }' },
  { name: 'moderationLog', query: `{ moderationLog(commentId: "${ID}") { id } }` },
  { name: 'moderatedUser', query: `{ moderatedUser(id: "${ID}") { user { id } } }` },
  {
    name: 'moderateComment',
    query: `mutation { moderateComment(input: { commentId: "${ID}", action: APPROVE }) { id } }`,
  },
  {
    name: 'moderateComments',
    query: `mutation { moderateComments(input: { commentIds: ["${ID}"], action: REJECT }) { ok } }`,
  },
  { name: 'resolveFlags', query: `mutation { resolveFlags(commentId: "${ID}") { id } }` },
  {
    name: 'setUserStatus',
    query: `mutation { setUserStatus(input: { userId: "${ID}", status: SUSPENDED, reason: "r" }) { id } }`,
  },
  { name: 'setUserPremod', query: `mutation { setUserPremod(userId: "${ID}", on: true) { id } }` },
  { name: 'setUserRole', query: `mutation { setUserRole(userId: "${ID}", role: ADMIN) { id } }`, adminOnly: true },
];

describe('moderation authorization', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  it.each(OPERATIONS)('refuses $name to anonymous callers (UNAUTHENTICATED) and readers (FORBIDDEN)', async (op) => {
    const reader = await api.register();
    expect(errorCode(await api.gql(op.query))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(op.query, {}, reader.token))).toBe('FORBIDDEN');
  });

  it('lets moderators through to every operation but settings changes and roles', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    for (const op of OPERATIONS) {
      const code = errorCode(await api.gql(op.query, {}, moderator.token));
      // Past the guard, the made-up id is simply not found (or the call succeeds).
      if (op.adminOnly) expect([op.name, code]).toEqual([op.name, 'FORBIDDEN']);
      else expect([op.name, code]).toEqual([op.name, expect.not.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/)]);
    }
  });

  it('lets an admin change roles, never their own; a moderator can sanction readers only', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const otherModerator = await registerAs(api, prisma, 'MODERATOR');
    const reader = await api.register();
    const setRole = 'mutation($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id role } }';

    const promoted = await api.gql<{ setUserRole: { role: string } }>(
      setRole,
      { id: reader.userId, role: 'MODERATOR' },
      admin.token,
    );
    expect(promoted.data?.setUserRole.role).toBe('MODERATOR');
    expect(errorCode(await api.gql(setRole, { id: reader.userId, role: 'ADMIN' }, moderator.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(setRole, { id: admin.userId, role: 'READER' }, admin.token))).toBe('FORBIDDEN');

    const suspend = `mutation($id: ID!) { setUserStatus(input: { userId: $id, status: SUSPENDED, reason: "no" }) { status } }`;
    expect(errorCode(await api.gql(suspend, { id: otherModerator.userId }, moderator.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(suspend, { id: moderator.userId }, moderator.token))).toBe('FORBIDDEN');
    const log = await prisma.moderationAction.findMany({ where: { targetUserId: reader.userId } });
    expect(log).toEqual([expect.objectContaining({ action: 'SET_ROLE', actorId: admin.userId })]);
  });

  it('keeps the moderation subscription to staff', async () => {
    const article = await makeArticle(prisma);
    const reader = await api.register();
    const query = 'subscription { moderationEvents { commentId } }';
    const asReader = subscribe(api, query, 'moderationEvents', reader.token);
    const anonymous = subscribe(api, query, 'moderationEvents');
    await eventually(() => asReader.errors.length > 0 && anonymous.errors.length > 0, {
      timeoutMs: 5_000,
      what: 'both refusals',
    });
    expect(JSON.stringify(asReader.errors)).toContain('FORBIDDEN');
    expect(JSON.stringify(anonymous.errors)).toContain('UNAUTHENTICATED');
    expect(asReader.events).toEqual([]);
    expect(article.id).toBeDefined();
    await Promise.all([asReader.dispose(), anonymous.dispose()]);
  });
});
