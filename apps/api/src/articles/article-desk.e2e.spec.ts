import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import { EventBus } from '../realtime/event-bus.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { subscribeEvents } from '../../test/support/comments/events.js';
import { seedThread } from '../../test/support/comments/fixtures.js';
import { eventually } from '../../test/support/eventually.js';
import { makeArticle } from '../../test/support/factories.js';
import { anno, newAnnotation } from '../../test/support/web-annotations/anno-client.js';
import { DiscussionCloseProcessor } from './discussion-close.processor.js';

const ARTICLE_FIELDS =
  'id slug title author siteName publishedAt state discussionStatus commentsOpen commentsClosesAt premod';
const SET_DISCUSSION = `mutation($input: SetArticleDiscussionInput!) { setArticleDiscussion(input: $input) { ${ARTICLE_FIELDS} } }`;
const SET_STATE = `mutation($input: SetArticleStateInput!) { setArticleState(input: $input) { ${ARTICLE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const DELETE = 'mutation($input: DeleteArticleInput!) { deleteArticle(input: $input) }';
const BY_SLUG = `query($slug: String!) { article(slug: $slug) { ${ARTICLE_FIELDS} threads { id } } }`;
const BY_ID = 'query($id: ID!) { articleById(id: $id) { id state } }';
const LIST = '{ articles(first: 50) { nodes { id publishedAt discussionStatus } } }';
const CREATE_THREAD = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }';
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id } }';
const EDIT = 'mutation($input: EditCommentInput!) { editComment(input: $input) { id } }';
const DELETE_COMMENT = 'mutation($input: DeleteCommentInput!) { deleteComment(input: $input) { id } }';
const REACT = 'mutation($input: ReactInput!) { react(input: $input) { id } }';
const FLAG = 'mutation($input: FlagCommentInput!) { flagComment(input: $input) { commentId } }';
const PERMALINK = 'query($id: ID!) { comment(id: $id) { comment { id } } }';
const REPLIES = 'query($id: ID!) { replies(parentId: $id) { nodes { id } } }';
const EXPORT = 'query($id: ID!) { exportArticle(id: $id) }';
const EMBED = 'query($site: ID!, $url: String!) { embedArticle(siteId: $site, url: $url) { slug commentsOpen } }';

type Person = Awaited<ReturnType<TestApi['register']>>;

describe('the article desk: state, discussion switches, details and deletion', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let admin: Person;
  let moderator: Person;
  let reader: Person;
  let author: Person;

  /** An article with Alice's published thread (the reader's own comment, for edits). */
  const discussed = async (): Promise<{ id: string; slug: string; text: string; commentId: string }> => {
    const article = await makeArticle(prisma);
    const { commentId } = await seedThread(prisma, { articleId: article.id, authorId: author.userId });
    return { ...article, commentId };
  };
  const audit = (articleId: string | null, action: string) =>
    prisma.moderationAction.findMany({ where: { articleId, action }, orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    [admin, moderator, reader, author] = await Promise.all([
      api.register(),
      api.register(),
      api.register(),
      api.register(),
    ]);
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    await prisma.user.update({ where: { id: moderator.userId }, data: { role: 'MODERATOR' } });
  });
  afterAll(async () => {
    await api.close();
  });

  describe('authorization', () => {
    it('refuses every desk mutation to readers and moderators (FORBIDDEN) and to anonymous callers', async () => {
      const article = await makeArticle(prisma);
      const calls: Array<[string, Record<string, unknown>]> = [
        [SET_DISCUSSION, { input: { articleId: article.id, commentsOpen: false } }],
        [SET_STATE, { input: { articleId: article.id, state: 'ARCHIVED' } }],
        [UPDATE, { input: { articleId: article.id, title: 'Taken over' } }],
        [DELETE, { input: { articleId: article.id, confirmSlug: article.slug } }],
      ];
      for (const [query, variables] of calls) {
        expect(errorCode(await api.gql(query, variables, reader.token))).toBe('FORBIDDEN');
        expect(errorCode(await api.gql(query, variables, moderator.token))).toBe('FORBIDDEN');
        expect(errorCode(await api.gql(query, variables))).toBe('UNAUTHENTICATED');
      }
      const unchanged = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
      expect(unchanged).toMatchObject({ title: 'Writing in the margins', state: 'PUBLISHED', commentsOpen: null });
    });
  });

  describe('closing a discussion', () => {
    it('refuses new threads, replies, edits and reactions with COMMENTS_CLOSED, and says so to readers', async () => {
      const article = await discussed();
      const closed = await api.gql<{ setArticleDiscussion: Record<string, unknown> }>(
        SET_DISCUSSION,
        { input: { articleId: article.id, commentsOpen: false } },
        admin.token,
      );
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.setArticleDiscussion).toMatchObject({ commentsOpen: false, discussionStatus: 'CLOSED' });

      const seen = await api.gql<{ article: { discussionStatus: string; threads: unknown[] } }>(BY_SLUG, {
        slug: article.slug,
      });
      expect(seen.data!.article).toMatchObject({ discussionStatus: 'CLOSED', threads: [expect.anything()] });

      const refused = [
        await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'Too late' } }, reader.token),
        await api.gql(REPLY, { input: { parentId: article.commentId, body: 'Too late' } }, reader.token),
        await api.gql(EDIT, { input: { commentId: article.commentId, body: 'Rewritten' } }, author.token),
        await api.gql(REACT, { input: { commentId: article.commentId, kind: 'INSIGHTFUL' } }, reader.token),
      ];
      expect(refused.map(errorCode)).toEqual([
        'COMMENTS_CLOSED',
        'COMMENTS_CLOSED',
        'COMMENTS_CLOSED',
        'COMMENTS_CLOSED',
      ]);
      expect(await prisma.comment.count({ where: { thread: { articleId: article.id } } })).toBe(1);
      expect(await prisma.reaction.count({ where: { commentId: article.commentId } })).toBe(0);

      // Reporting what stays on the page remains possible.
      const flag = await api.gql(FLAG, { input: { commentId: article.commentId, reason: 'SPAM' } }, reader.token);
      expect(flag.errors).toBeUndefined();

      const [row] = await audit(article.id, 'SET_ARTICLE_DISCUSSION');
      expect(row).toMatchObject({ actorId: admin.userId, reason: 'commentsOpen: none → false' });

      // Opened again: posting works.
      await api.gql(SET_DISCUSSION, { input: { articleId: article.id, commentsOpen: true } }, admin.token);
      const posted = await api.gql(
        CREATE_THREAD,
        { input: { articleId: article.id, body: 'Open again' } },
        reader.token,
      );
      expect(posted.errors).toBeUndefined();
    });

    it('closes the W3C endpoint too: POST and PUT answer 403 COMMENTS_CLOSED', async () => {
      const article = await makeArticle(prisma);
      const created = await anno(api, 'POST', `/annotations/${article.slug}/`, {
        token: author.token,
        body: newAnnotation(api.url, article.slug, 'Before closing'),
      });
      expect(created.status).toBe(201);
      await api.gql(SET_DISCUSSION, { input: { articleId: article.id, commentsOpen: false } }, admin.token);

      const post = await anno(api, 'POST', `/annotations/${article.slug}/`, {
        token: author.token,
        body: newAnnotation(api.url, article.slug, 'After closing'),
      });
      expect(post.status).toBe(403);
      expect(post.json).toMatchObject({ error: { code: 'COMMENTS_CLOSED' } });
      const path = new URL(created.json['id'] as string).pathname;
      const put = await anno(api, 'PUT', path, {
        token: author.token,
        headers: { 'if-match': created.headers.get('etag')! },
        body: { ...created.json, body: { type: 'TextualBody', value: 'Changed', format: 'text/markdown' } },
      });
      expect(put.status).toBe(403);
      expect(put.json).toMatchObject({ error: { code: 'COMMENTS_CLOSED' } });
    });

    it('follows the site’s default until the article has its own switch', async () => {
      const site = await prisma.site.create({
        data: {
          name: 'Closed news',
          origins: ['https://closed.example'],
          ssoSecret: 'x'.repeat(32),
          commentsOpen: false,
        },
      });
      const article = await makeArticle(prisma);
      await prisma.article.update({
        where: { id: article.id },
        data: { siteId: site.id, sourceUrl: `https://closed.example/${article.slug}` },
      });
      const refused = await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'No' } }, reader.token);
      expect(errorCode(refused)).toBe('COMMENTS_CLOSED');
      const embed = await api.gql<{ embedArticle: { commentsOpen: boolean } }>(EMBED, {
        site: site.id,
        url: `https://closed.example/${article.slug}`,
      });
      expect(embed.data!.embedArticle.commentsOpen).toBe(false);

      await api.gql(SET_DISCUSSION, { input: { articleId: article.id, commentsOpen: true } }, admin.token);
      expect(
        (await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'Yes' } }, reader.token)).errors,
      ).toBeUndefined();
      const reopened = await api.gql<{ embedArticle: { commentsOpen: boolean } }>(EMBED, {
        site: site.id,
        url: `https://closed.example/${article.slug}`,
      });
      expect(reopened.data!.embedArticle.commentsOpen).toBe(true);
    });

    it('closes on time: writes are refused from closesAt on, and the job and the sweep record the closing', async () => {
      const article = await discussed();
      const past = await api.gql(
        SET_DISCUSSION,
        { input: { articleId: article.id, closesAt: new Date(Date.now() - 1000).toISOString() } },
        admin.token,
      );
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      expect(past.errors?.[0]?.extensions?.['field']).toBe('closesAt');

      const closesAt = new Date(Date.now() + 1500);
      const set = await api.gql<{ setArticleDiscussion: { commentsClosesAt: string; discussionStatus: string } }>(
        SET_DISCUSSION,
        { input: { articleId: article.id, closesAt: closesAt.toISOString() } },
        admin.token,
      );
      expect(set.data!.setArticleDiscussion).toEqual({
        ...set.data!.setArticleDiscussion,
        commentsClosesAt: closesAt.toISOString(),
        discussionStatus: 'OPEN',
      });
      const job = await api.app
        .get(JobQueue)
        .queue('maintenance')
        .getJob(`close-discussion:${article.id}:${closesAt.getTime()}`);
      expect(job?.data).toEqual({ articleId: article.id, at: closesAt.toISOString() });
      expect(await job?.isDelayed()).toBe(true);

      expect(
        (await api.gql(REPLY, { input: { parentId: article.commentId, body: 'In time' } }, reader.token)).errors,
      ).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() - Date.now() + 50));
      // Neither the job nor the sweep has run here (no worker): the time alone closes it.
      const late = await api.gql(REPLY, { input: { parentId: article.commentId, body: 'Late' } }, reader.token);
      expect(errorCode(late)).toBe('COMMENTS_CLOSED');

      const closer = new DiscussionCloseProcessor(prisma, api.app.get(EventBus));
      await closer.close({ articleId: article.id, at: closesAt.toISOString() });
      await closer.close({ articleId: article.id, at: closesAt.toISOString() });
      expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
        commentsOpen: false,
        commentsClosesAt: null,
      });
      expect(await audit(article.id, 'DISCUSSION_CLOSED')).toHaveLength(1);

      // The sweep closes one whose job was lost.
      const other = await makeArticle(prisma);
      await prisma.article.update({ where: { id: other.id }, data: { commentsClosesAt: new Date(Date.now() - 10) } });
      expect(await closer.closeDue()).toBeGreaterThanOrEqual(1);
      expect(await prisma.article.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
        commentsOpen: false,
        commentsClosesAt: null,
      });
      expect(await audit(other.id, 'DISCUSSION_CLOSED')).toHaveLength(1);
    });

    it('tells the article’s open pages live when its discussion or state changes', async () => {
      const article = await makeArticle(prisma);
      const live = await subscribeEvents(api, article.id);
      try {
        await api.gql(SET_DISCUSSION, { input: { articleId: article.id, commentsOpen: false } }, admin.token);
        await api.gql(SET_STATE, { input: { articleId: article.id, state: 'ARCHIVED' } }, admin.token);
        // Saving the same values again changes nothing and tells nobody.
        await api.gql(SET_STATE, { input: { articleId: article.id, state: 'ARCHIVED' } }, admin.token);
        await eventually(() => live.events.length >= 2, { what: 'two live events' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(live.events).toEqual([
          { type: 'DISCUSSION_CHANGED', threadId: null, commentId: null, status: null },
          { type: 'DISCUSSION_CHANGED', threadId: null, commentId: null, status: null },
        ]);
      } finally {
        await live.close();
      }
    });

    it('switches per-article pre-moderation, which the moderation pipeline reads', async () => {
      const article = await makeArticle(prisma);
      const on = await api.gql<{ setArticleDiscussion: { premod: boolean } }>(
        SET_DISCUSSION,
        { input: { articleId: article.id, premod: true } },
        admin.token,
      );
      expect(on.data!.setArticleDiscussion.premod).toBe(true);
      expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).premod).toBe(true);
      const [row] = await audit(article.id, 'SET_ARTICLE_DISCUSSION');
      expect(row!.reason).toBe('premod: false → true');
    });
  });

  describe('article state', () => {
    it('hides an unpublished article from readers and anonymous visitors on every read and write path', async () => {
      const article = await discussed();
      const site = await prisma.site.create({
        data: { name: 'Hidden news', origins: ['https://hidden.example'], ssoSecret: 'x'.repeat(32) },
      });
      await prisma.article.update({
        where: { id: article.id },
        data: { siteId: site.id, sourceUrl: `https://hidden.example/${article.slug}` },
      });
      const set = await api.gql<{ setArticleState: { state: string; discussionStatus: string } }>(
        SET_STATE,
        { input: { articleId: article.id, state: 'UNPUBLISHED' } },
        admin.token,
      );
      expect(set.data!.setArticleState).toMatchObject({ state: 'UNPUBLISHED', discussionStatus: 'UNPUBLISHED' });
      expect((await audit(article.id, 'SET_ARTICLE_STATE'))[0]!.reason).toBe('PUBLISHED → UNPUBLISHED');

      for (const token of [reader.token, undefined]) {
        expect((await api.gql(BY_SLUG, { slug: article.slug }, token)).data).toEqual({ article: null });
        expect((await api.gql(BY_ID, { id: article.id }, token)).data).toEqual({ articleById: null });
        const list = await api.gql<{ articles: { nodes: Array<{ id: string }> } }>(LIST, {}, token);
        expect(list.data!.articles.nodes.map((n) => n.id)).not.toContain(article.id);
        expect(errorCode(await api.gql(PERMALINK, { id: article.commentId }, token))).toBe('NOT_FOUND');
        expect(errorCode(await api.gql(REPLIES, { id: article.commentId }, token))).toBe('NOT_FOUND');
        expect((await anno(api, 'GET', `/annotations/${article.slug}/`, { token })).status).toBe(404);
        const embed = await api.gql(EMBED, { site: site.id, url: `https://hidden.example/${article.slug}` }, token);
        expect(errorCode(embed)).toBe('NOT_FOUND');
        expect(await subscriptionError(api, article.id, token)).toBe('NOT_FOUND');
      }
      const writes = [
        await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'Hello?' } }, reader.token),
        await api.gql(REPLY, { input: { parentId: article.commentId, body: 'Hello?' } }, reader.token),
        await api.gql(EDIT, { input: { commentId: article.commentId, body: 'Hello?' } }, author.token),
        await api.gql(REACT, { input: { commentId: article.commentId, kind: 'INSIGHTFUL' } }, reader.token),
        await api.gql(FLAG, { input: { commentId: article.commentId, reason: 'SPAM' } }, reader.token),
        await api.gql(DELETE_COMMENT, { input: { commentId: article.commentId } }, author.token),
      ];
      expect(writes.map(errorCode)).toEqual(Array(6).fill('NOT_FOUND'));
      const post = await anno(api, 'POST', `/annotations/${article.slug}/`, {
        token: reader.token,
        body: newAnnotation(api.url, article.slug, 'Hello?'),
      });
      expect(post.status).toBe(404);

      // Staff see it, with its state, and its discussion is closed to them.
      const staffView = await api.gql<{ article: { state: string; threads: unknown[] } }>(
        BY_SLUG,
        { slug: article.slug },
        moderator.token,
      );
      expect(staffView.data!.article).toMatchObject({ state: 'UNPUBLISHED', threads: [expect.anything()] });
      const staffList = await api.gql<{ articles: { nodes: Array<{ id: string }> } }>(LIST, {}, admin.token);
      expect(staffList.data!.articles.nodes.map((n) => n.id)).toContain(article.id);
      expect(
        errorCode(await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'x' } }, moderator.token)),
      ).toBe('COMMENTS_CLOSED');
      expect((await api.gql(EXPORT, { id: article.id }, admin.token)).errors).toBeUndefined();
      expect(await subscriptionError(api, article.id, moderator.token)).toBeNull();
    });

    it('keeps an archived article readable with a read-only discussion', async () => {
      const article = await discussed();
      // A reader with a fresh posting budget (each refused post still spends it).
      const reader = await api.register();
      await api.gql(SET_STATE, { input: { articleId: article.id, state: 'ARCHIVED' } }, admin.token);
      const seen = await api.gql<{ article: { discussionStatus: string; threads: unknown[] } }>(
        BY_SLUG,
        { slug: article.slug },
        reader.token,
      );
      expect(seen.data!.article).toMatchObject({ discussionStatus: 'ARCHIVED', threads: [expect.anything()] });
      expect((await anno(api, 'GET', `/annotations/${article.slug}/`)).status).toBe(200);
      const refused = [
        await api.gql(CREATE_THREAD, { input: { articleId: article.id, body: 'x' } }, reader.token),
        await api.gql(REPLY, { input: { parentId: article.commentId, body: 'x' } }, reader.token),
        await api.gql(EDIT, { input: { commentId: article.commentId, body: 'x' } }, author.token),
        await api.gql(REACT, { input: { commentId: article.commentId, kind: 'INSIGHTFUL' } }, reader.token),
      ];
      expect(refused.map(errorCode)).toEqual(Array(4).fill('COMMENTS_CLOSED'));
      expect(refused[0]!.errors![0]!.message).toMatch(/archived/);
    });
  });

  describe('details', () => {
    it('changes title, author and publication date; a new slug keeps the old one answering', async () => {
      const article = await makeArticle(prisma);
      const res = await api.gql<{ updateArticle: Record<string, unknown> }>(
        UPDATE,
        {
          input: {
            articleId: article.id,
            title: 'Margins, revisited',
            author: 'A. Reader',
            publishedAt: '2024-03-01T08:00:00.000Z',
            slug: `${article.slug}-revisited`,
          },
        },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateArticle).toMatchObject({
        title: 'Margins, revisited',
        author: 'A. Reader',
        publishedAt: '2024-03-01T08:00:00.000Z',
        slug: `${article.slug}-revisited`,
      });
      const byOld = await api.gql<{ article: { id: string; slug: string } }>(BY_SLUG, { slug: article.slug });
      expect(byOld.data!.article).toMatchObject({ id: article.id, slug: `${article.slug}-revisited` });
      const list = await api.gql<{ articles: { nodes: Array<{ id: string; publishedAt: string }> } }>(LIST);
      expect(list.data!.articles.nodes.find((n) => n.id === article.id)?.publishedAt).toBe('2024-03-01T08:00:00.000Z');

      const [row] = await audit(article.id, 'UPDATE_ARTICLE');
      expect(row!.actorId).toBe(admin.userId);
      expect(row!.reason).toContain('title: “Writing in the margins” → “Margins, revisited”');
      expect(row!.reason).toContain(`slug: “${article.slug}” → “${article.slug}-revisited”`);

      // Back to the first slug: it is the article's again, and the other one redirects.
      const back = await api.gql(UPDATE, { input: { articleId: article.id, slug: article.slug } }, admin.token);
      expect(back.errors).toBeUndefined();
      const byNew = await api.gql<{ article: { slug: string } }>(BY_SLUG, { slug: `${article.slug}-revisited` });
      expect(byNew.data!.article.slug).toBe(article.slug);
    });

    it('refuses a slug another article has, or had', async () => {
      const [one, other] = await Promise.all([makeArticle(prisma), makeArticle(prisma)]);
      const taken = await api.gql(UPDATE, { input: { articleId: one.id, slug: other.slug } }, admin.token);
      expect(errorCode(taken)).toBe('CONFLICT');
      expect(taken.errors?.[0]?.extensions?.['field']).toBe('slug');
      await api.gql(UPDATE, { input: { articleId: other.id, slug: `${other.slug}-moved` } }, admin.token);
      expect(errorCode(await api.gql(UPDATE, { input: { articleId: one.id, slug: other.slug } }, admin.token))).toBe(
        'CONFLICT',
      );
      const invalid = await api.gql(UPDATE, { input: { articleId: one.id, slug: 'Not A Slug' } }, admin.token);
      expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
    });
  });

  describe('revisions', () => {
    it('tells staff what each revision did to the threads: moved, fuzzy, orphaned', async () => {
      const article = await makeArticle(prisma);
      const text2 = `Preface.\n\n${article.text}`;
      const rev2 = await prisma.articleRevision.create({
        data: { articleId: article.id, version: 2, blocks: [], canonicalText: text2, contentHash: 'v2' },
      });
      const at = (revisionId: string, start: number, exact: string) => ({
        revisionId,
        position: { start, end: start + exact.length },
        quote: { exact, prefix: '', suffix: '' },
      });
      const thread = (data: Record<string, unknown>) =>
        prisma.thread.create({ data: { articleId: article.id, revisionId: rev2.id, commentCount: 1, ...data } });
      const moved = await thread({
        originalAnchor: at(article.revisionId, 14, 'margins'),
        anchor: at(rev2.id, 24, 'margins'),
        anchorStatus: 'ANCHORED',
      });
      const fuzzy = await thread({
        originalAnchor: at(article.revisionId, 30, 'older than print'),
        anchor: at(rev2.id, 40, 'older than prin'),
        anchorStatus: 'FUZZY',
      });
      const orphan = await thread({
        originalAnchor: at(article.revisionId, 50, 'a lost passage'),
        anchor: at(article.revisionId, 50, 'a lost passage'),
        anchorStatus: 'ORPHANED',
      });
      const born = await thread({
        originalAnchor: at(rev2.id, 0, 'Preface'),
        anchor: at(rev2.id, 0, 'Preface'),
        anchorStatus: 'ANCHORED',
      });

      const QUERY = `query($slug: String!) { article(slug: $slug) { revisions { nodes {
        version threadOutcomes { threadId outcome quote originalQuote } } } } }`;
      const res = await api.gql<{
        article: { revisions: { nodes: Array<{ version: number; threadOutcomes: Array<Record<string, unknown>> }> } };
      }>(QUERY, { slug: article.slug }, moderator.token);
      expect(res.errors).toBeUndefined();
      const [v2, v1] = res.data!.article.revisions.nodes;
      expect(v1!.threadOutcomes).toEqual([]);
      expect(new Map(v2!.threadOutcomes.map((t) => [t['threadId'], t]))).toEqual(
        new Map([
          [born.id, { threadId: born.id, outcome: 'ANCHORED', quote: 'Preface', originalQuote: null }],
          [moved.id, { threadId: moved.id, outcome: 'MOVED', quote: 'margins', originalQuote: null }],
          [
            fuzzy.id,
            { threadId: fuzzy.id, outcome: 'FUZZY', quote: 'older than prin', originalQuote: 'older than print' },
          ],
          [orphan.id, { threadId: orphan.id, outcome: 'ORPHANED', quote: 'a lost passage', originalQuote: null }],
        ]),
      );
      expect(errorCode(await api.gql(QUERY, { slug: article.slug }, reader.token))).toBe('FORBIDDEN');
    });
  });

  describe('deletion', () => {
    it('asks for the slug, then removes the article, its revisions and discussion, and keeps the audit row', async () => {
      const article = await discussed();
      const wrong = await api.gql(DELETE, { input: { articleId: article.id, confirmSlug: 'not-it' } }, admin.token);
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors?.[0]?.extensions?.['field']).toBe('confirmSlug');
      expect(await prisma.article.count({ where: { id: article.id } })).toBe(1);

      const done = await api.gql(DELETE, { input: { articleId: article.id, confirmSlug: article.slug } }, admin.token);
      expect(done.data).toEqual({ deleteArticle: true });
      expect(await prisma.article.count({ where: { id: article.id } })).toBe(0);
      expect(await prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(0);
      expect(await prisma.thread.count({ where: { articleId: article.id } })).toBe(0);
      expect(await prisma.comment.count({ where: { id: article.commentId } })).toBe(0);
      const rows = await prisma.moderationAction.findMany({
        where: { action: 'DELETE_ARTICLE', reason: { contains: article.id } },
      });
      expect(rows).toEqual([
        expect.objectContaining({
          actorId: admin.userId,
          reason: `“Writing in the margins” (${article.slug}, ${article.id}) with 1 threads and 1 comments`,
        }),
      ]);
      expect((await api.gql(BY_SLUG, { slug: article.slug }, admin.token)).data).toEqual({ article: null });
    });
  });
});

/** The error code a subscription to the article's events ends with, or null when it is accepted. */
async function subscriptionError(api: TestApi, articleId: string, token?: string): Promise<string | null> {
  const client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise<string | null>((resolve) => {
      client.subscribe(
        { query: 'subscription($id: ID!) { articleEvents(articleId: $id) { type } }', variables: { id: articleId } },
        {
          next: (message) => {
            const code = message.errors?.[0]?.extensions?.['code'];
            resolve(typeof code === 'string' ? code : 'ERROR');
          },
          error: (error: unknown) => {
            const list = Array.isArray(error) ? (error as Array<{ extensions?: { code?: string } }>) : [];
            resolve(list[0]?.extensions?.code ?? 'ERROR');
          },
          complete: () => resolve(null),
        },
      );
      // Accepted subscriptions stay open and silent.
      setTimeout(() => resolve(null), 800);
    });
  } finally {
    await client.dispose();
  }
}
