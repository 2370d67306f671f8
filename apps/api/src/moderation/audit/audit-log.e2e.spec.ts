import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';
import { postComment } from '../../../test/support/moderation/e2e-helpers.js';

const AUDIT = `query($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    entries { id action actorId actorHandle targetUserId targetHandle articleId articleTitle commentId reason
      fromStatus toStatus before after createdAt }
    pageInfo { endCursor hasNextPage }
  }
}`;
const CSV = 'query($filter: AuditLogFilterInput) { auditLogCsv(filter: $filter) }';
const MODERATE = 'mutation($input: ModerateCommentInput!) { moderateComment(input: $input) { id } }';
const SET_STATUS = 'mutation($input: SetUserStatusInput!) { setUserStatus(input: $input) { id } }';
const SET_ROLE = 'mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id } }';
const SETTINGS = `mutation($input: UpdateModerationSettingsInput!) {
  updateModerationSettings(input: $input) { repeatWindowMinutes requireVerifiedEmailToComment } }`;
const READ_SETTINGS = '{ moderationSettings { repeatWindowMinutes requireVerifiedEmailToComment } }';

interface Entry {
  id: string;
  action: string;
  actorId: string | null;
  actorHandle: string | null;
  targetUserId: string | null;
  targetHandle: string | null;
  articleId: string | null;
  articleTitle: string | null;
  commentId: string | null;
  reason: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  before: string | null;
  after: string | null;
  createdAt: string;
}
interface AuditResult {
  auditLog: { entries: Entry[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

describe('the audit trail', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let moderator: Awaited<ReturnType<TestApi['register']>>;
  let admin: Awaited<ReturnType<TestApi['register']>>;
  let author: Awaited<ReturnType<TestApi['register']>>;
  let promoted: Awaited<ReturnType<TestApi['register']>>;
  let article: { id: string };
  let commentId = '';
  let started: Date;

  const audit = (filter: Record<string, unknown>, token = moderator.token, extra: Record<string, unknown> = {}) =>
    api.gql<AuditResult>(AUDIT, { filter, ...extra }, token);

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    started = new Date(Date.now() - 1000);
    moderator = await api.register();
    await prisma.user.update({ where: { id: moderator.userId }, data: { role: 'MODERATOR' } });
    admin = await api.register();
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    author = await api.register();
    promoted = await api.register();
    article = await makeArticle(prisma, { title: 'Audited article' });
    commentId = await postComment(api, author.token, article.id, 'A comment a moderator approves.');
    expect(
      (await api.gql(MODERATE, { input: { commentId, action: 'APPROVE', reason: 'fine' } }, moderator.token)).errors,
    ).toBeUndefined();
    const suspend = { userId: author.userId, status: 'SUSPENDED', reason: 'Cooling off' };
    expect((await api.gql(SET_STATUS, { input: suspend }, moderator.token)).errors).toBeUndefined();
    expect(
      (await api.gql(SET_ROLE, { userId: promoted.userId, role: 'MODERATOR' }, admin.token)).errors,
    ).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists every decision and sanction about a user, newest first, with names and the article', async () => {
    const res = await audit({ userId: author.userId });
    expect(res.errors).toBeUndefined();
    const entries = res.data!.auditLog.entries;
    expect(entries.map((e) => e.action)).toEqual(['SET_STATUS', 'APPROVE']);
    expect(entries[0]).toMatchObject({ actorHandle: moderator.handle, targetHandle: author.handle });
    expect(entries[1]).toMatchObject({
      commentId,
      articleId: article.id,
      articleTitle: 'Audited article',
      fromStatus: 'PENDING',
      toStatus: 'PUBLISHED',
      reason: 'APPROVED_BY_MODERATOR: fine',
    });
  });

  it('filters by article, actor, actions and time', async () => {
    expect((await audit({ articleId: article.id })).data!.auditLog.entries.map((e) => e.commentId)).toEqual([
      commentId,
    ]);
    const byAdmin = await audit({ actorId: admin.userId });
    expect(byAdmin.data!.auditLog.entries.map((e) => [e.action, e.targetUserId])).toEqual([
      ['SET_ROLE', promoted.userId],
    ]);
    const roles = await audit({ actions: ['SET_ROLE', 'SET_STATUS'], from: started.toISOString() });
    expect(roles.data!.auditLog.entries.map((e) => e.action)).toEqual(['SET_ROLE', 'SET_STATUS']);
    expect((await audit({ to: started.toISOString(), userId: author.userId })).data!.auditLog.entries).toEqual([]);
    const bad = await audit({ actions: ['DROP_TABLES'] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pages site-wide with a cursor, without repeats', async () => {
    const first = await audit({ from: started.toISOString() }, moderator.token, { first: 2 });
    expect(first.data!.auditLog.pageInfo.hasNextPage).toBe(true);
    const next = await audit({ from: started.toISOString() }, moderator.token, {
      first: 2,
      after: first.data!.auditLog.pageInfo.endCursor,
    });
    const ids = [...first.data!.auditLog.entries, ...next.data!.auditLog.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  it('logs a settings change with the values before and after', async () => {
    const before = await api.gql<{
      moderationSettings: { repeatWindowMinutes: number; requireVerifiedEmailToComment: boolean };
    }>(READ_SETTINGS, {}, admin.token);
    const was = before.data!.moderationSettings;
    const changed = {
      repeatWindowMinutes: was.repeatWindowMinutes + 7,
      requireVerifiedEmailToComment: !was.requireVerifiedEmailToComment,
    };
    try {
      expect((await api.gql(SETTINGS, { input: changed }, admin.token)).errors).toBeUndefined();
      const res = await audit({ actorId: admin.userId, actions: ['UPDATE_SETTINGS'] });
      const entries = res.data!.auditLog.entries;
      expect(entries).toHaveLength(2);
      const pipeline = entries.find((e) => e.before?.includes('repeatWindowMinutes'))!;
      expect(JSON.parse(pipeline.before!)).toEqual({ repeatWindowMinutes: was.repeatWindowMinutes });
      expect(JSON.parse(pipeline.after!)).toEqual({ repeatWindowMinutes: changed.repeatWindowMinutes });
      const discussion = entries.find((e) => e.after?.includes('requireVerifiedEmailToComment'))!;
      expect(JSON.parse(discussion.after!)).toEqual({
        requireVerifiedEmailToComment: changed.requireVerifiedEmailToComment,
      });
    } finally {
      await api.gql(SETTINGS, { input: was }, admin.token);
    }
  });

  it('exports the filtered entries as CSV', async () => {
    const res = await api.gql<{ auditLogCsv: string }>(CSV, { filter: { userId: author.userId } }, moderator.token);
    expect(res.errors).toBeUndefined();
    const lines = res.data!.auditLogCsv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,action,actor,user,article,comment,from,to,reason,before,after');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`SET_STATUS,${moderator.handle},${author.handle}`);
    expect(lines[2]).toContain(
      `APPROVE,${moderator.handle},${author.handle},Audited article,${commentId},PENDING,PUBLISHED`,
    );
  });

  it('refuses readers and anonymous visitors, for the page and the export', async () => {
    expect(errorCode(await audit({}, author.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(AUDIT, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(CSV, {}, promoted.token))).toBeUndefined();
    expect(errorCode(await api.gql(CSV, {}, author.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(CSV, {}))).toBe('UNAUTHENTICATED');
  });
});
