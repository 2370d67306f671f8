import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../../test/support/api-client.js';
import { makeArticle } from '../../../test/support/factories.js';
import { startWorker } from '../../../test/support/worker.js';
import { postComment, registerAs, waitForStatus } from '../../../test/support/moderation/e2e-helpers.js';

const READ = '{ moderationSettings { bannedWords flagThreshold spam { holdScore } toxicity { action } } }';
const UPDATE = `mutation($input: UpdateModerationSettingsInput!) { updateModerationSettings(input: $input) {
  bannedWords flagThreshold spam { holdScore phrases } } }`;

describe('moderation settings', () => {
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

  it('applies an admin’s change to the very next comment in the worker, and keeps the rest of the settings', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const author = await api.register();
    const article = await makeArticle(prisma);
    // A word no other spec writes, since settings are shared by every test running now.
    const word = `zq${randomBytes(4).toString('hex')}`;
    // The worker moderates a comment with the word first, and so holds the settings of before.
    const allowed = await postComment(api, author.token, article.id, `Before the change, ${word} is fine.`);
    await waitForStatus(prisma, allowed, 'PUBLISHED');
    const before = await api.gql<{ moderationSettings: { bannedWords: string[] } }>(READ, {}, admin.token);
    const updated = await api.gql<{ updateModerationSettings: { bannedWords: string[]; spam: { phrases: string[] } } }>(
      UPDATE,
      { input: { bannedWords: [...before.data!.moderationSettings.bannedWords, word] } },
      admin.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateModerationSettings.bannedWords).toContain(word);
    expect(updated.data!.updateModerationSettings.spam.phrases).toContain('click here');
    try {
      const banned = await postComment(api, author.token, article.id, `This contains ${word} right here.`);
      await waitForStatus(prisma, banned, 'REJECTED');
      expect(await prisma.comment.findUniqueOrThrow({ where: { id: banned } })).toMatchObject({
        statusReason: 'BANNED_WORD',
      });
    } finally {
      const current = await api.gql<{ moderationSettings: { bannedWords: string[] } }>(READ, {}, admin.token);
      await api.gql(
        UPDATE,
        { input: { bannedWords: current.data!.moderationSettings.bannedWords.filter((w) => w !== word) } },
        admin.token,
      );
    }
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const read = await api.gql<{ moderationSettings: { bannedWords: string[] } }>(READ, {}, moderator.token);
    expect(read.data!.moderationSettings.bannedWords).not.toContain(word);
  });

  it('names the offending field of an invalid change and stores nothing', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const before = await api.gql(READ, {}, admin.token);
    const nested = await api.gql(UPDATE, { input: { spam: { holdScore: 0 } } }, admin.token);
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spam.holdScore' });
    const threshold = await api.gql(UPDATE, { input: { flagThreshold: 0 } }, admin.token);
    expect(threshold.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'flagThreshold' });
    const lengths = await api.gql(UPDATE, { input: { minLength: 50, maxLength: 10 } }, admin.token);
    expect(lengths.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minLength' });
    const word = await api.gql(UPDATE, { input: { bannedWords: ['  '] } }, admin.token);
    expect(word.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bannedWords[0]' });
    expect(await api.gql(READ, {}, admin.token)).toEqual(before);

    const moderator = await registerAs(api, prisma, 'MODERATOR');
    expect(errorCode(await api.gql(UPDATE, { input: { flagThreshold: 5 } }, moderator.token))).toBe('FORBIDDEN');
  });

  it('refuses a suspended admin and writes an audit row naming who changed what', async () => {
    const admin = await registerAs(api, prisma, 'ADMIN');
    const suspended = await registerAs(api, prisma, 'ADMIN');
    await prisma.user.update({ where: { id: suspended.userId }, data: { status: 'SUSPENDED' } });
    const refused = await api.gql(UPDATE, { input: { flagThreshold: 9 } }, suspended.token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await prisma.moderationAction.count({ where: { actorId: suspended.userId } })).toBe(0);

    const before = await api.gql<{ moderationSettings: { flagThreshold: number } }>(READ, {}, admin.token);
    const changed = await api.gql(UPDATE, { input: { flagThreshold: 7, spam: { holdScore: 0.75 } } }, admin.token);
    expect(changed.errors).toBeUndefined();
    const audit = await prisma.moderationAction.findMany({ where: { actorId: admin.userId } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'UPDATE_SETTINGS',
        commentId: null,
        reason: `spam.holdScore: 0.5 → 0.75; flagThreshold: ${before.data!.moderationSettings.flagThreshold} → 7`,
      }),
    ]);
    await api.gql(UPDATE, { input: { flagThreshold: before.data!.moderationSettings.flagThreshold } }, admin.token);
  });
});
