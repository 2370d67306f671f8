import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { postComment, registerAs, subscribe, type Subscription } from '../support/moderation/e2e-helpers.js';
import { makeArticle } from '../support/factories.js';
import { ApiChild, stopAll, WorkerChild } from '../support/processes.js';
import { exactlyOnceProblems, seedParent, Traffic, waitAllDecided } from '../support/faults/traffic.js';
import { eventually } from '../support/eventually.js';

interface ArticleEvent {
  type: string;
  commentId: string;
  status: string;
}
interface ModerationEvent {
  commentId: string;
  action: string;
  status: string;
}

/**
 * Two API processes and two workers on one PostgreSQL and one Redis. Live events cross
 * processes (a subscriber on API #1 sees what is posted through API #2, as a reader and as
 * a moderator), posts spread over both APIs are each moderated exactly once, and both
 * workers take a share of the jobs without ever deciding the same comment twice.
 */
describe('scale-out: two API processes and two workers', () => {
  const config = loadConfig(process.env);
  const env = {
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    REDIS_PREFIX: `${config.REDIS_PREFIX}:faults-scale`,
  };
  let prisma: PrismaService;
  let first: ApiChild;
  let second: ApiChild;
  let workers: WorkerChild[];
  let traffic: Traffic | undefined;
  const subscriptions: Array<Subscription<unknown>> = [];

  beforeAll(async () => {
    prisma = new PrismaService(config);
    let one: WorkerChild;
    let two: WorkerChild;
    [first, second, one, two] = await Promise.all([
      ApiChild.start('faults-scale-api-1', env),
      ApiChild.start('faults-scale-api-2', env),
      WorkerChild.start('faults-scale-worker-1', env),
      WorkerChild.start('faults-scale-worker-2', env),
    ]);
    workers = [one, two];
  }, 120_000);
  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.dispose()));
    // Children first: a request to a dead process ends at once.
    await stopAll();
    await traffic?.stop();
    await prisma.$disconnect();
  });

  it('delivers live events across processes and moderates every post once with both workers', async () => {
    const article = await makeArticle(prisma);
    const moderator = await registerAs(first, prisma, 'MODERATOR');
    const reader = subscribe<ArticleEvent>(
      first,
      'subscription($id: ID!) { articleEvents(articleId: $id) { type commentId status } }',
      'articleEvents',
      undefined,
      { id: article.id },
    );
    const staff = subscribe<ModerationEvent>(
      first,
      'subscription($id: ID) { moderationEvents(articleId: $id) { commentId action status } }',
      'moderationEvents',
      moderator.token,
      { id: article.id },
    );
    subscriptions.push(reader, staff);
    await Promise.all([reader.connected, staff.connected]);

    // A first comment through API #2 shows both subscriptions are live before the load.
    const probeAuthor = await second.register();
    const probe = await postComment(second, probeAuthor.token, article.id, 'scale probe: is anyone there?');
    await eventually(
      () => reader.events.some((e) => e.commentId === probe) && staff.events.some((e) => e.commentId === probe),
      { timeoutMs: 60_000, what: 'the first events on API #1' },
    );

    const authors = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).register()));
    const parentId = await seedParent(prisma, article.id, authors[0]!.userId);
    traffic = new Traffic({ targets: [first, second], authors, article, parentId, paceMs: 30 }, 'scale');
    await traffic.posted();
    expect(traffic.posts().filter((a) => !(a.status === 200 && a.commentId))).toEqual([]);
    const viaSecond = traffic.accepted().filter((a) => a.api === second.url);
    expect(viaSecond.length).toBeGreaterThan(0);
    expect(viaSecond.length).toBeLessThan(traffic.accepted().length);

    const audit = await waitAllDecided(prisma, article.id, 'scale');
    expect(exactlyOnceProblems(traffic, audit)).toEqual([]);
    expect(audit).toHaveLength(90);

    // Live on API #1: the reader sees every comment published through API #2; the moderator
    // sees one pipeline decision for every comment, whichever API took it.
    const published = new Set(audit.filter((c) => c.status === 'PUBLISHED').map((c) => c.id));
    const expectedForReader = viaSecond.map((a) => a.commentId!).filter((id) => published.has(id));
    expect(expectedForReader.length).toBeGreaterThan(0);
    await eventually(
      () => {
        const seen = new Set(reader.events.filter((e) => e.status === 'PUBLISHED').map((e) => e.commentId));
        return expectedForReader.every((id) => seen.has(id));
      },
      { timeoutMs: 60_000, what: 'the reader’s events for comments posted through API #2' },
    );
    await eventually(
      () => {
        const seen = new Set(staff.events.filter((e) => e.action === 'PIPELINE').map((e) => e.commentId));
        return audit.every((c) => seen.has(c.id));
      },
      { timeoutMs: 60_000, what: 'the moderator’s events' },
    );
    const pipelineEvents = staff.events.filter((e) => e.action === 'PIPELINE' && e.commentId !== probe);
    expect(pipelineEvents).toHaveLength(audit.length);
    expect(reader.errors).toEqual([]);
    expect(staff.errors).toEqual([]);

    // Both workers took jobs; no comment was decided by both.
    await eventually(() => workers.reduce((n, w) => n + w.moderated().length, 0) >= audit.length + 1, {
      timeoutMs: 60_000,
      what: 'every decision in the workers’ logs',
    });
    const [one, two] = workers.map((w) => new Set(w.moderated()));
    expect(one!.size).toBeGreaterThan(0);
    expect(two!.size).toBeGreaterThan(0);
    expect([...one!].filter((id) => two!.has(id))).toEqual([]);
    expect(one!.size + two!.size).toBe(audit.length + 1);
  }, 120_000);
});
