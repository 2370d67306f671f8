import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { seedThread, selectorOf } from '../../test/support/comments/fixtures.js';

const CREATE = `mutation($input: CreateThreadInput!) { createThread(input: $input) { id comments { id stance } } }`;
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id stance } }';
const EDIT = 'mutation($input: EditCommentInput!) { editComment(input: $input) { id stance bodySource status } }';

describe('the stance of a comment', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
  });

  it('is stored with a new thread and a reply, and is optional', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const created = await api.gql<{ createThread: { comments: Array<{ id: string; stance: string | null }> } }>(
      CREATE,
      {
        input: {
          articleId: article.id,
          body: 'Not so sure',
          selector: selectorOf(article.text, 'older than print'),
          stance: 'DISAGREE',
        },
      },
      author.token,
    );
    expect(created.errors).toBeUndefined();
    const rootId = created.data!.createThread.comments[0]!.id;
    expect(created.data!.createThread.comments[0]!.stance).toBe('DISAGREE');
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: rootId } })).stance).toBe('DISAGREE');

    await prisma.comment.update({ where: { id: rootId }, data: { status: 'PUBLISHED' } });
    const reply = await api.gql<{ reply: { id: string; stance: string | null } }>(
      REPLY,
      { input: { parentId: rootId, body: 'Here is the source', stance: 'EVIDENCE' } },
      author.token,
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.reply.stance).toBe('EVIDENCE');
    const plain = await api.gql<{ reply: { id: string; stance: string | null } }>(
      REPLY,
      { input: { parentId: rootId, body: 'Just a note' } },
      author.token,
    );
    expect(plain.data!.reply.stance).toBeNull();
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: reply.data!.reply.id } })).stance).toBe('EVIDENCE');
  });

  it('is changed, kept or cleared by its author when editing', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const other = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId, body: 'Hm' });

    const set = await api.gql<{ editComment: { stance: string; status: string } }>(
      EDIT,
      { input: { commentId, body: 'Hm', stance: 'QUESTION' } },
      author.token,
    );
    expect(set.errors).toBeUndefined();
    // The body did not change: the comment stays published, only its stance moved.
    expect(set.data!.editComment).toMatchObject({ stance: 'QUESTION', status: 'PUBLISHED' });

    const kept = await api.gql<{ editComment: { stance: string; bodySource: string } }>(
      EDIT,
      { input: { commentId, body: 'Hm, why?' } },
      author.token,
    );
    expect(kept.data!.editComment).toMatchObject({ stance: 'QUESTION', bodySource: 'Hm, why?' });

    const cleared = await api.gql<{ editComment: { stance: string | null } }>(
      EDIT,
      { input: { commentId, body: 'Hm, why?', stance: null } },
      author.token,
    );
    expect(cleared.data!.editComment.stance).toBeNull();
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).stance).toBeNull();

    await prisma.comment.update({ where: { id: commentId }, data: { status: 'PUBLISHED' } });
    const foreign = await api.gql(EDIT, { input: { commentId, body: 'Hm, why?', stance: 'AGREE' } }, other.token);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).stance).toBeNull();
  });

  it('refuses a stance that is not one of the four, naming the field', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    // A document not run before: graphql-js says where the value was refused.
    const fresh = await api.gql(
      'mutation Fresh($input: CreateThreadInput!) { createThread(input: $input) { id } }',
      { input: { articleId: article.id, body: 'x', stance: 'SURE' } },
      author.token,
    );
    expect(fresh.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'stance' });
    const attempts = [
      api.gql(CREATE, { input: { articleId: article.id, body: 'x', stance: 'MAYBE' } }, author.token),
      api.gql(REPLY, { input: { parentId: commentId, body: 'x', stance: 'agree' } }, author.token),
      api.gql(EDIT, { input: { commentId, body: 'x', stance: 'LIKE' } }, author.token),
    ];
    for (const result of await Promise.all(attempts)) {
      // Refused before the resolver runs. A document's first run names the field (graphql-js);
      // a compiled one (graphql-jit, from the second run on) names the enum only.
      expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors![0]!.message).toMatch(/"MAYBE"|"agree"|"LIKE"/);
      expect(result.errors![0]!.message).toMatch(/Stance/);
      const field = result.errors![0]!.extensions?.['field'];
      if (/ at "input\.stance"/.test(result.errors![0]!.message)) expect(field).toBe('stance');
    }
    expect(await prisma.comment.count({ where: { thread: { articleId: article.id } } })).toBe(1);
  });
});
