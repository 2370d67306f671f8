import { getNamedType, isLeafType, isObjectType } from 'graphql';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';
import { makeActors, type Actor, type ActorName } from './actors.js';
import { liveSchema } from './schema-operations.js';

/** Moderation data on a comment: staff only, whatever the field is called. */
const MODERATION_FIELD = /score|flag|reason|moderat/i;

interface SeenComment {
  id: string;
  bodyHtml: string | null;
  bodySource: string | null;
  author: { email: string | null } | null;
}

describe('field-level privacy', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let actors: Record<ActorName, Actor>;
  let slug: string;
  let ids: { published: string; pending: string; held: string };
  const SECRET = { pending: 'pending-body-zq81', held: 'held-body-vx42' };

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    actors = await makeActors(api);
    const article = await makeArticle(prisma);
    slug = article.slug;
    const post = async (body: string): Promise<string> => {
      const res = await api.gql<{ createThread: { comments: Array<{ id: string }> } }>(
        'mutation($input: CreateThreadInput!) { createThread(input: $input) { comments { id } } }',
        { input: { articleId: article.id, body } },
        actors.reader.token,
      );
      return res.data!.createThread.comments[0]!.id;
    };
    ids = {
      published: await post('published body'),
      pending: await post(SECRET.pending),
      held: await post(SECRET.held),
    };
    await prisma.comment.update({ where: { id: ids.published }, data: { status: 'PUBLISHED' } });
    await prisma.comment.update({
      where: { id: ids.held },
      data: { status: 'HELD', statusReason: 'toxicity', moderationScores: { toxicity: 0.93 } },
    });
    const flagged = await api.gql(
      'mutation($input: FlagCommentInput!) { flagComment(input: $input) { __typename } }',
      { input: { commentId: ids.published, reason: 'SPAM', note: 'flag-note-k7' } },
      actors.otherReader.token,
    );
    expect(flagged.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
  });

  async function threadComments(actor: Actor): Promise<SeenComment[]> {
    const res = await api.gql<{ article: { threads: Array<{ comments: SeenComment[] }> } }>(
      'query($slug: String!) { article(slug: $slug) { threads { comments { id bodyHtml bodySource author { email } } } } }',
      { slug },
      actor.token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.article.threads.flatMap((t) => t.comments);
  }

  it.each(['anonymous', 'otherReader', 'suspended'] as const)(
    'hides others’ PENDING and HELD bodies and emails from %s in the article view',
    async (name) => {
      const seen = await threadComments(actors[name]);
      const text = JSON.stringify(seen);
      expect(text).not.toContain(SECRET.pending);
      expect(text).not.toContain(SECRET.held);
      expect(seen.map((c) => c.id)).toContain(ids.published);
      expect(seen.every((c) => c.author?.email == null)).toBe(true);
    },
  );

  it('shows the author their own pending and held comments', async () => {
    const seen = await threadComments(actors.reader);
    const text = JSON.stringify(seen);
    expect(text).toContain(SECRET.pending);
    expect(text).toContain(SECRET.held);
  });

  it('never puts an email in the discussion, and shows it in the user view to admins only', async () => {
    for (const name of ['reader', 'moderator', 'admin'] as const) {
      expect((await threadComments(actors[name])).every((c) => c.author?.email == null)).toBe(true);
    }
    const userView = (actor: Actor): Promise<{ data?: { moderatedUser: { user: { email: string | null } } } | null }> =>
      api.gql(
        'query($id: ID!) { moderatedUser(id: $id) { user { email } } }',
        { id: actors.reader.userId },
        actor.token,
      );
    expect((await userView(actors.moderator)).data?.moderatedUser.user.email).toBeNull();
    expect((await userView(actors.admin)).data?.moderatedUser.user.email).toBe(actors.reader.email);
    const me = await api.gql<{ me: { email: string } }>('{ me { email } }', {}, actors.reader.token);
    expect(me.data?.me.email).toBe(actors.reader.email);
  });

  it('tells whether an account has a password of its own to its owner only (admins included in "others")', async () => {
    const me = await api.gql<{ me: { hasPassword: boolean } }>('{ me { hasPassword } }', {}, actors.reader.token);
    expect(me.data?.me.hasPassword).toBe(true);
    // The reader's comments' author, as others see it.
    const authorHasPassword = async (actor: Actor): Promise<unknown[]> => {
      const res = await api.gql<{
        article: { threads: Array<{ comments: Array<{ author: { id: string; hasPassword: unknown } }> }> };
      }>(
        'query($slug: String!) { article(slug: $slug) { threads { comments { author { id hasPassword } } } } }',
        { slug },
        actor.token,
      );
      expect(res.errors).toBeUndefined();
      return res
        .data!.article.threads.flatMap((t) => t.comments.map((c) => c.author))
        .filter((a) => a.id === actors.reader.userId)
        .map((a) => a.hasPassword);
    };
    for (const name of ['anonymous', 'otherReader', 'moderator', 'admin'] as const) {
      expect(new Set(await authorHasPassword(actors[name]))).toEqual(new Set([false]));
    }
    expect(new Set(await authorHasPassword(actors.reader))).toEqual(new Set([true]));
  });

  it('shows emails in the user directory to admins only, and lets only admins search by email', async () => {
    const directory = (
      actor: Actor,
      query: string,
    ): Promise<{ data?: { users: { nodes: Array<{ id: string; email: string | null }> } } | null }> =>
      api.gql('query($q: String) { users(query: $q, first: 100) { nodes { id email } } }', { q: query }, actor.token);
    const handle = (await prisma.user.findUniqueOrThrow({ where: { id: actors.reader.userId } })).handle;
    const byModerator = await directory(actors.moderator, handle);
    expect(byModerator.data?.users.nodes.map((n) => n.id)).toContain(actors.reader.userId);
    expect(byModerator.data?.users.nodes.every((n) => n.email === null)).toBe(true);
    expect(JSON.stringify(byModerator)).not.toContain('@example.test');
    const byAdmin = await directory(actors.admin, handle);
    expect(byAdmin.data?.users.nodes.find((n) => n.id === actors.reader.userId)?.email).toBe(actors.reader.email);
    // Searching by email: a moderator learns nothing (no match), an admin finds the user.
    expect((await directory(actors.moderator, actors.reader.email!)).data?.users.nodes).toEqual([]);
    expect((await directory(actors.admin, actors.reader.email!)).data?.users.nodes.map((n) => n.id)).toEqual([
      actors.reader.userId,
    ]);
  });

  it.each(['anonymous', 'otherReader', 'suspended'] as const)(
    'answers comment(id) for others’ PENDING and HELD comments as NOT_FOUND to %s',
    async (name) => {
      for (const id of [ids.pending, ids.held]) {
        const res = await api.gql(
          'query($id: ID!) { comment(id: $id) { comment { id bodyHtml } } }',
          { id },
          actors[name].token,
        );
        expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
        expect(JSON.stringify(res)).not.toMatch(/pending-body|held-body/);
      }
    },
  );

  it('never shows moderation fields (scores, flags, reasons) of a comment to readers or anonymous', async () => {
    const comment = liveSchema(api).getType('Comment');
    if (!isObjectType(comment)) throw new Error('Comment type missing');
    const fields = Object.values(comment.getFields())
      .filter(
        (f) =>
          MODERATION_FIELD.test(f.name) &&
          f.args.every((a) => a.defaultValue !== undefined || !a.type.toString().endsWith('!')),
      )
      .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
    const leaked: string[] = [];
    for (const name of ['anonymous', 'otherReader'] as const) {
      for (const id of [ids.published, ids.held]) {
        for (const field of fields) {
          const res = await api.gql<{ comment: { comment: Record<string, unknown> } }>(
            `query($id: ID!) { comment(id: $id) { comment { ${field} } } }`,
            { id },
            actors[name].token,
          );
          const value = res.data?.comment?.comment?.[field.split(' ')[0]!];
          if (value !== undefined && value !== null)
            leaked.push(`${field} of ${id} to ${name}: ${JSON.stringify(value)}`);
        }
      }
    }
    expect(leaked).toEqual([]);
    // Flag notes and scores are never anywhere in what a reader gets back for a comment.
    const full = await api.gql(
      'query($id: ID!) { comment(id: $id) { comment { id bodyHtml } thread { id } } }',
      { id: ids.published },
      actors.otherReader.token,
    );
    expect(JSON.stringify(full)).not.toMatch(/flag-note-k7|0\.93/);
  });

  it('shows an author’s sanction status to staff and to themself only', async () => {
    await prisma.user.update({ where: { id: actors.reader.userId! }, data: { status: 'SUSPENDED' } });
    try {
      const statusAs = async (actor: Actor): Promise<unknown[]> => {
        const res = await api.gql<{
          article: { threads: Array<{ comments: Array<{ author: { status: unknown } }> }> };
        }>(
          'query($slug: String!) { article(slug: $slug) { threads { comments { author { status } } } } }',
          { slug },
          actor.token,
        );
        expect(res.errors).toBeUndefined();
        return res.data!.article.threads.flatMap((t) => t.comments.map((c) => c.author.status));
      };
      for (const name of ['anonymous', 'otherReader', 'suspended'] as const) {
        expect(new Set(await statusAs(actors[name]))).toEqual(new Set([null]));
      }
      for (const name of ['moderator', 'admin'] as const) {
        expect(new Set(await statusAs(actors[name]))).toEqual(new Set(['SUSPENDED']));
      }
    } finally {
      await prisma.user.update({ where: { id: actors.reader.userId! }, data: { status: 'ACTIVE' } });
    }
  });

  it('keeps moderators’ notes on a user from the user and other readers, and emails out of moderators’ search', async () => {
    const note = 'note-on-user-q93';
    const added = await api.gql(
      'mutation($input: AddUserNoteInput!) { addUserNote(input: $input) { id } }',
      { input: { userId: actors.reader.userId, body: note } },
      actors.moderator.token,
    );
    expect(added.errors).toBeUndefined();
    const handle = (await prisma.user.findUniqueOrThrow({ where: { id: actors.reader.userId! } })).handle;
    for (const name of ['reader', 'otherReader', 'anonymous'] as const) {
      const views = [
        await api.gql('{ me { id handle displayName } }', {}, actors[name].token),
        await api.gql('query($h: String!) { user(handle: $h) { __typename } }', { h: handle }, actors[name].token),
        await api.gql(
          'query($id: ID!) { userNotes(userId: $id) { body } }',
          { id: actors.reader.userId },
          actors[name].token,
        ),
        await api.gql(
          'query($id: ID!) { moderatedUser(id: $id) { user { notes { body } } } }',
          { id: actors.reader.userId },
          actors[name].token,
        ),
      ];
      expect(JSON.stringify(views)).not.toContain(note);
    }
    const search = await api.gql(
      '{ searchComments(query: "published body") { hits { item { author { email notes { body } } } } } }',
      {},
      actors.moderator.token,
    );
    expect(search.errors).toBeUndefined();
    expect(JSON.stringify(search)).toContain(note);
    expect(JSON.stringify(search)).not.toContain('@example.test');
  });
});
