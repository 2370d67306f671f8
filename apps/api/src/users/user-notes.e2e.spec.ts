import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { postComment, registerAs } from '../../test/support/moderation/e2e-helpers.js';

const ADD = `mutation($input: AddUserNoteInput!) { addUserNote(input: $input) { id userId body authorId authorHandle } }`;
const LIST = 'query($userId: ID!) { userNotes(userId: $userId) { id body authorHandle } }';
const DELETE = 'mutation($noteId: ID!) { deleteUserNote(noteId: $noteId) }';
const QUEUE = `query($articleId: ID) { moderationQueue(queue: PENDING, articleId: $articleId) {
  items { author { id noteCount notes { body authorHandle } } } } }`;
const USER_VIEW = 'query($id: ID!) { moderatedUser(id: $id) { user { noteCount notes { body } } } }';

describe('notes on users', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  it('lets moderators write notes, lists them newest first, and shows the latest on the user’s cards', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const other = await registerAs(api, prisma, 'ADMIN');
    const user = await api.register();
    const article = await makeArticle(prisma);
    const commentId = await postComment(api, user.token, article.id, 'A comment awaiting a moderator.');
    await prisma.comment.update({ where: { id: commentId }, data: { status: 'HELD', statusReason: 'PREMOD' } });
    const first = await api.gql<{ addUserNote: { userId: string; authorId: string } }>(
      ADD,
      { input: { userId: user.userId, body: '  Warned about links twice.  ' } },
      moderator.token,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.addUserNote).toMatchObject({ userId: user.userId, authorId: moderator.userId });
    await api.gql(ADD, { input: { userId: user.userId, body: 'Polite since.' } }, other.token);

    const list = await api.gql<{ userNotes: Array<{ body: string }> }>(LIST, { userId: user.userId }, other.token);
    expect(list.data!.userNotes.map((n) => n.body)).toEqual(['Polite since.', 'Warned about links twice.']);
    const queue = await api.gql<{
      moderationQueue: { items: Array<{ author: { noteCount: number; notes: Array<{ body: string }> } }> };
    }>(QUEUE, { articleId: article.id }, moderator.token);
    expect(queue.data!.moderationQueue.items[0]!.author).toMatchObject({
      noteCount: 2,
      notes: [{ body: 'Polite since.' }, { body: 'Warned about links twice.' }],
    });
  });

  it('deletes a note for its author only', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const colleague = await registerAs(api, prisma, 'MODERATOR');
    const user = await api.register();
    const added = await api.gql<{ addUserNote: { id: string } }>(
      ADD,
      { input: { userId: user.userId, body: 'Mine to delete.' } },
      moderator.token,
    );
    const noteId = added.data!.addUserNote.id;
    expect(errorCode(await api.gql(DELETE, { noteId }, colleague.token))).toBe('FORBIDDEN');
    const deleted = await api.gql<{ deleteUserNote: string }>(DELETE, { noteId }, moderator.token);
    expect(deleted.data!.deleteUserNote).toBe(noteId);
    expect(await prisma.userNote.count({ where: { id: noteId } })).toBe(0);
    expect(errorCode(await api.gql(DELETE, { noteId }, moderator.token))).toBe('NOT_FOUND');
  });

  it('names the field of an empty or too long note, and of an unknown user', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const user = await api.register();
    const blank = await api.gql(ADD, { input: { userId: user.userId, body: '   ' } }, moderator.token);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const long = await api.gql(ADD, { input: { userId: user.userId, body: 'x'.repeat(2001) } }, moderator.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const unknown = await api.gql(
      ADD,
      { input: { userId: '00000000-0000-4000-8000-000000000000', body: 'Who?' } },
      moderator.token,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
  });

  it('never lets the user or another reader read, write or delete notes', async () => {
    const moderator = await registerAs(api, prisma, 'MODERATOR');
    const user = await api.register();
    const reader = await api.register();
    const added = await api.gql<{ addUserNote: { id: string } }>(
      ADD,
      { input: { userId: user.userId, body: 'Staff only.' } },
      moderator.token,
    );
    for (const token of [user.token, reader.token]) {
      expect(errorCode(await api.gql(LIST, { userId: user.userId }, token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(ADD, { input: { userId: user.userId, body: 'Hi' } }, token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(DELETE, { noteId: added.data!.addUserNote.id }, token))).toBe('FORBIDDEN');
      expect(errorCode(await api.gql(USER_VIEW, { id: user.userId }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await api.gql(LIST, { userId: user.userId }))).toBe('UNAUTHENTICATED');
    const own = await api.gql<{ me: Record<string, unknown> }>('{ me { id handle } }', {}, user.token);
    expect(JSON.stringify(own.data)).not.toContain('Staff only.');
    const view = await api.gql<{ moderatedUser: { user: { noteCount: number } } }>(
      USER_VIEW,
      { id: user.userId },
      moderator.token,
    );
    expect(view.data!.moderatedUser.user.noteCount).toBe(1);
  });
});
