import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { makeArticle } from '../../test/support/factories.js';
import { REACTIONS_PER_MINUTE } from './reaction.service.js';
import { subscribeEvents } from '../../test/support/comments/events.js';
import { seedThread } from '../../test/support/comments/fixtures.js';
import { eventually } from '../../test/support/eventually.js';

const REACT = `mutation($input: ReactInput!) { react(input: $input) { id reactionCount reactions { kind count } viewerReactions } }`;
const UNREACT = `mutation($input: UnreactInput!) { unreact(input: $input) { id reactionCount reactions { kind count } viewerReactions } }`;
const THREADS = `query($slug: String!) { article(slug: $slug) { threads { comments { id reactionCount reactions { kind count } viewerReactions } } } }`;

interface Reacted {
  id: string;
  reactionCount: number;
  reactions: Array<{ kind: string; count: number }>;
  viewerReactions: string[];
}

describe('reactions', () => {
  let api: TestApi;
  let prisma: PrismaService;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(() => api.close());

  it('adds and removes reactions idempotently, keeping the count and telling subscribers', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const a = await api.register();
    const b = await api.register();
    const { threadId, commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const live = await subscribeEvents(api, article.id);

    const first = await api.gql<{ react: Reacted }>(REACT, { input: { commentId, kind: 'LIKE' } }, a.token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.react).toEqual({
      id: commentId,
      reactionCount: 1,
      reactions: [{ kind: 'LIKE', count: 1 }],
      viewerReactions: ['LIKE'],
    });
    const again = await api.gql<{ react: Reacted }>(REACT, { input: { commentId, kind: 'LIKE' } }, a.token);
    expect(again.data!.react.reactionCount).toBe(1);
    await api.gql(REACT, { input: { commentId, kind: 'INSIGHTFUL' } }, a.token);
    await api.gql(REACT, { input: { commentId, kind: 'LIKE' } }, b.token);

    const seen = await api.gql<{ article: { threads: Array<{ comments: Reacted[] }> } }>(
      THREADS,
      { slug: article.slug },
      b.token,
    );
    expect(seen.data!.article.threads[0]!.comments[0]).toEqual({
      id: commentId,
      reactionCount: 3,
      reactions: [
        { kind: 'INSIGHTFUL', count: 1 },
        { kind: 'LIKE', count: 2 },
      ],
      viewerReactions: ['LIKE'],
    });

    const removed = await api.gql<{ unreact: Reacted }>(UNREACT, { input: { commentId, kind: 'LIKE' } }, a.token);
    expect(removed.data!.unreact).toMatchObject({ reactionCount: 2, viewerReactions: ['INSIGHTFUL'] });
    const removedAgain = await api.gql<{ unreact: Reacted }>(UNREACT, { input: { commentId, kind: 'LIKE' } }, a.token);
    expect(removedAgain.data!.unreact.reactionCount).toBe(2);
    expect(await prisma.reaction.count({ where: { commentId } })).toBe(2);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commentId } })).reactionCount).toBe(2);

    // Four real changes, no events for the two no-ops.
    await eventually(async () => (live.events.length >= 4 ? true : undefined), {
      timeoutMs: 5000,
      what: 'reaction events',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(live.events).toHaveLength(4);
    expect(new Set(live.events.map((e) => JSON.stringify(e)))).toEqual(
      new Set([JSON.stringify({ type: 'REACTIONS_CHANGED', threadId, commentId, status: 'PUBLISHED' })]),
    );
    await live.close();
  });

  it('only takes reactions on published comments', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const other = await api.register();
    const held = await seedThread(prisma, { articleId: article.id, authorId: author.userId, status: 'HELD' });
    const hidden = await api.gql(REACT, { input: { commentId: held.commentId, kind: 'LIKE' } }, other.token);
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const own = await api.gql(REACT, { input: { commentId: held.commentId, kind: 'LIKE' } }, author.token);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commentId' });
    const unknown = await api.gql(
      REACT,
      { input: { commentId: '00000000-0000-4000-8000-000000000000', kind: 'LIKE' } },
      other.token,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(await prisma.reaction.count({ where: { commentId: held.commentId } })).toBe(0);
  });

  it('refuses unknown kinds, anonymous and suspended users', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const user = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    const badKind = await api.gql(REACT, { input: { commentId, kind: 'LOVE' } }, user.token);
    // The schema refuses it before any resolver runs, as a variable or as a literal.
    // (Which code the edge maps that refusal to is the error mapper's business, not asserted here.)
    expect(badKind.errors).toHaveLength(1);
    expect(badKind.data?.react ?? null).toBeNull();
    const literal = await api.gql<{ react: unknown }>(
      `mutation { react(input: { commentId: "${commentId}", kind: LOVE }) { id } }`,
      {},
      user.token,
    );
    expect(literal.errors).toHaveLength(1);
    expect(literal.data?.react ?? null).toBeNull();
    expect(await prisma.reaction.count({ where: { commentId } })).toBe(0);
    expect(errorCode(await api.gql(REACT, { input: { commentId, kind: 'LIKE' } }))).toBe('UNAUTHENTICATED');
    await prisma.user.update({ where: { id: user.userId }, data: { status: 'SUSPENDED' } });
    const suspended = await api.gql(REACT, { input: { commentId, kind: 'LIKE' } }, user.token);
    expect(errorCode(suspended)).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(UNREACT, { input: { commentId, kind: 'LIKE' } }, user.token))).toBe('FORBIDDEN');
    expect(await prisma.reaction.count({ where: { commentId } })).toBe(0);
  });

  it('limits how fast one user can toggle reactions', async () => {
    const article = await makeArticle(prisma);
    const author = await api.register();
    const user = await api.register();
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    // The counter is atomic, so however the requests interleave exactly one is refused.
    const results = await Promise.all(
      Array.from({ length: REACTIONS_PER_MINUTE + 1 }, (_, i) =>
        api.gql(i % 2 === 0 ? REACT : UNREACT, { input: { commentId, kind: 'FUNNY' } }, user.token),
      ),
    );
    const limited = results.filter((r) => r.errors !== undefined);
    expect(limited).toHaveLength(1);
    expect(errorCode(limited[0]!)).toBe('RATE_LIMITED');
    expect(limited[0]!.errors?.[0]?.extensions?.['retryAfterSeconds']).toEqual(expect.any(Number));
  });
});
