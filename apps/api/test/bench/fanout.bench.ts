/**
 * `pnpm bench fanout`: one decision reaching every live reader of an article.
 *
 * Readers are `articleEvents` subscriptions (graphql-ws over a websocket each, anonymous, as
 * the reader's page opens them), held by this process against real API processes started
 * in children. A decision is what the worker publishes after it: a COMMENT_STATUS_CHANGED
 * event to PUBLISHED on the article's Redis channel. This process publishes BENCH_FANOUT_EVENTS
 * (20) of them, 250 ms apart, and times each from the publish to its arrival at every
 * subscriber (one clock: publisher and subscribers share this process).
 *
 * - 1,000 subscribers on one API process; target p99 ≤ 100 ms;
 * - 10,000 subscribers spread over two API processes (5,000 each); target p99 ≤ 1 s;
 * - baseline in the same run: the bare Redis pub/sub round trip (a plain subscriber in this
 *   process, hearing the same events);
 * - memory per idle subscription: the API process's RSS before and after its subscribers
 *   connected, over their number.
 *
 * The subscribers' own work (10,000 websockets parsing each event) shares the machine's two
 * cores with the API processes and Redis, so the figures include it.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import pg from 'pg';
import { channelPrefix } from '../../src/realtime/event-bus.js';
import {
  BenchResult,
  createBenchEnv,
  machineLine,
  percentile,
  rssOf,
  runChild,
  serveApi,
  servingRole,
  sleep,
  spawnChild,
  stopChild,
  type BenchEnv,
  type Child,
} from './harness.js';

const EVENTS = Number(process.env['BENCH_FANOUT_EVENTS'] ?? 20);
const SMALL = Number(process.env['BENCH_FANOUT_SMALL'] ?? 1000);
const LARGE = Number(process.env['BENCH_FANOUT_LARGE'] ?? 10_000);
const GAP_MS = 250;
const TARGET_SMALL_MS = 100;
const TARGET_LARGE_MS = 1000;
/** Connections opened at once while subscribing (a page load's worth at a time). */
const CONNECT_BATCH = 200;

const SUBSCRIPTION = `subscription ($articleId: ID!) { articleEvents(articleId: $articleId) { type commentId status } }`;

interface Arrivals {
  /** commentId → publish time. */
  sent: Map<string, number>;
  latencies: number[];
  /** The subscribers that heard anything yet (by their number). */
  heard: Set<number>;
}

const arrivalsOf = (): Arrivals => ({ sent: new Map(), latencies: [], heard: new Set() });

function received(arrivals: Arrivals, commentId: string | null | undefined, subscriber = -1): void {
  arrivals.heard.add(subscriber);
  const sent = commentId ? arrivals.sent.get(commentId) : undefined;
  if (sent !== undefined) arrivals.latencies.push(performance.now() - sent);
}

/** `count` subscribers of the article on `apiUrl`; resolves when every socket has acknowledged. */
async function subscribeMany(
  apiUrl: string,
  articleId: string,
  count: number,
  offset: number,
  arrivals: Arrivals,
): Promise<Client[]> {
  const clients: Client[] = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, k) => {
      const subscriber = offset + start + k;
      let connected: () => void = () => undefined;
      let failed: (e: unknown) => void = () => undefined;
      const ready = new Promise<void>((resolve, reject) => ((connected = resolve), (failed = reject)));
      const client = createClient({
        url: `${apiUrl.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        on: { connected: () => connected(), error: (e) => failed(e) },
      });
      client.subscribe<{ articleEvents: { commentId: string | null } }>(
        { query: SUBSCRIPTION, variables: { articleId } },
        {
          next: (message) => received(arrivals, message.data?.articleEvents.commentId, subscriber),
          error: (error) => console.error('subscription error', error),
          complete: () => undefined,
        },
      );
      clients.push(client);
      return ready;
    });
    await Promise.all(batch);
  }
  return clients;
}

/** Publishes `events` decisions on the article's channel, GAP_MS apart; returns the arrivals. */
async function decide(
  publisher: Redis,
  channel: string,
  articleId: string,
  events: number,
  arrivals: Arrivals,
  expected: number,
): Promise<void> {
  for (let i = 0; i < events; i++) {
    const commentId = randomUUID();
    const payload = JSON.stringify({
      type: 'COMMENT_STATUS_CHANGED',
      articleId,
      threadId: randomUUID(),
      commentId,
      authorId: randomUUID(),
      status: 'PUBLISHED',
    });
    arrivals.sent.set(commentId, performance.now());
    await publisher.publish(channel, payload);
    await sleep(GAP_MS);
  }
  // Stragglers: wait until every subscriber heard every event, or 10 s.
  const deadline = Date.now() + 10_000;
  while (arrivals.latencies.length < expected && Date.now() < deadline) await sleep(50);
}

async function seedArticle(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, slug, title, "updatedAt") VALUES (gen_random_uuid(), 'live-event', 'Live event', now())
       RETURNING id`,
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const result = new BenchResult('fanout', 'Live fan-out of a decision to an article’s readers');
  let bench: BenchEnv | null = null;
  const children: Child[] = [];
  let clients: Client[] = [];
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const publisher = new Redis(redisUrl);
  const bare = new Redis(redisUrl);
  try {
    bench = await createBenchEnv('fanout');
    const articleId = await seedArticle(bench.databaseUrl);
    const channel = `${channelPrefix(bench.redisPrefix)}article:${articleId}`;
    // Every event is also heard by a bare Redis subscriber: the pub/sub round trip.
    const bareArrivals = arrivalsOf();
    await bare.subscribe(channel);
    bare.on('message', (_channel: string, message: string) =>
      received(bareArrivals, (JSON.parse(message) as { commentId: string }).commentId),
    );
    result.setup.push(
      `${EVENTS} decisions (COMMENT_STATUS_CHANGED to PUBLISHED on the article's Redis channel), ${GAP_MS} ms apart, ` +
        'timed from the publish to each anonymous articleEvents subscriber (graphql-ws, one websocket each)',
      'subscribers held by the bench process, on the same machine as the API processes and Redis',
      machineLine(result.machine),
    );

    const runs: Array<{ label: string; subscribers: number; apis: number; target: number }> = [
      {
        label: `${SMALL.toLocaleString('en-US')} subscribers, one API process`,
        subscribers: SMALL,
        apis: 1,
        target: TARGET_SMALL_MS,
      },
      {
        label: `${LARGE.toLocaleString('en-US')} subscribers, two API processes`,
        subscribers: LARGE,
        apis: 2,
        target: TARGET_LARGE_MS,
      },
    ];
    for (const run of runs) {
      const apis: Child[] = [];
      for (let i = 0; i < run.apis; i++) apis.push(await spawnChild('api', bench.env));
      children.push(...apis);
      await sleep(1000);
      const idle = apis.map((api) => rssOf(api.pid));
      const arrivals = arrivalsOf();
      const t0 = performance.now();
      const per = Math.ceil(run.subscribers / run.apis);
      clients = (
        await Promise.all(
          apis.map((api, i) =>
            subscribeMany(api.ready, articleId, Math.min(per, run.subscribers - i * per), i * per, arrivals),
          ),
        )
      ).flat();
      console.log(`${run.label}: connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // Probe events, not counted, until every subscriber has heard one: a socket is acknowledged
      // before its subscription is in place (the server checks the article first).
      const live = Date.now() + 60_000;
      while (arrivals.heard.size < run.subscribers && Date.now() < live) {
        await decide(publisher, channel, articleId, 1, arrivals, 0);
        await sleep(500);
      }
      if (arrivals.heard.size < run.subscribers) {
        throw new Error(`${run.label}: ${run.subscribers - arrivals.heard.size} subscriptions never went live`);
      }
      console.log(`${run.label}: every subscription live after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      arrivals.latencies.length = 0;
      arrivals.sent.clear();
      await sleep(500);
      const busy = apis.map((api) => rssOf(api.pid));
      const perSubscriptionKb =
        (busy.reduce((a, b) => a + b, 0) - idle.reduce((a, b) => a + b, 0)) / 1024 / run.subscribers;

      bareArrivals.latencies.length = 0;
      bareArrivals.sent = arrivals.sent; // the same events, heard on Redis directly
      const expected = EVENTS * run.subscribers;
      await decide(publisher, channel, articleId, EVENTS, arrivals, expected);
      const lost = expected - arrivals.latencies.length;
      const p50 = percentile(arrivals.latencies, 0.5);
      const p99 = percentile(arrivals.latencies, 0.99);
      const bareP99 = percentile(bareArrivals.latencies, 0.99);
      console.log(
        `${run.label}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (bare Redis p99 ${bareP99.toFixed(2)} ms), ` +
          `lost ${lost}, ${perSubscriptionKb.toFixed(1)} KB per idle subscription`,
      );
      result.figure({ name: `${run.label}: bare Redis pub/sub p99 (baseline)`, unit: 'ms', median: bareP99 });
      result.figure({ name: `${run.label}: decision → subscriber p50`, unit: 'ms', median: p50 });
      result.figure({
        name: `${run.label}: decision → subscriber p99`,
        unit: 'ms',
        median: p99,
        baseline: { name: 'bare Redis p99', median: bareP99 },
        target: `≤ ${run.target.toLocaleString('en-US')} ms`,
        pass: p99 <= run.target,
      });
      result.figure({
        name: `${run.label}: events lost`,
        unit: 'deliveries',
        median: lost,
        target: '0',
        pass: lost === 0,
      });
      result.figure({ name: `${run.label}: API memory per idle subscription`, unit: 'KB', median: perSubscriptionKb });

      await Promise.all(clients.map((c) => c.dispose()));
      clients = [];
      for (const api of apis) await stopChild(api);
      children.length = 0;
    }
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const child of children) await stopChild(child);
    publisher.disconnect();
    bare.disconnect();
    await bench?.drop();
  }
  const file = result.write();
  console.log(`wrote ${file}`);
  if (!result.pass) process.exitCode = 1;
}

if (servingRole() === 'api') runChild(serveApi);
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
