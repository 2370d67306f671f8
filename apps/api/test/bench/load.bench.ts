/**
 * Load benchmarks against the real API and worker, each in its own child process, driven by
 * autocannon from this one:
 *
 * `pnpm bench mixed`: a read/write mix for BENCH_DURATION seconds — the web client's article
 *   query on an article with 100 threads × 5 comments, a discussion page (threadConnection,
 *   newest 20) of a second article, and createThread / reply on that second article by
 *   BENCH_USERS readers in turn (so nobody reaches the per-user comment limit). Baseline in the
 *   same run: the same reads alone (no writes) against the same API and worker, so the ratio
 *   is what the writes — their transactions, outbox, queue and moderation jobs — cost the
 *   read path. Runs alternate read-only, mixed, read-only, mixed.
 * `pnpm bench scale`: the mixed load against 1 API process, then against 2 API processes (two
 *   autocannon instances, half the connections each), one worker in both cases.
 * `pnpm bench soak`: the mixed load for BENCH_SOAK_MINUTES minutes; no errors, and the API's
 *   and worker's resident memory sampled every 5 s must not grow by 10% after the warm-up.
 *
 * A request counts as an error when the answer is not 200 or carries GraphQL `errors`.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { canonicalize, type Block } from '@marginalia/content';
import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { seedLargeDiscussion } from '../support/comments/large-discussion.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import {
  BenchResult,
  commentBody,
  createBenchEnv,
  machineLine,
  median,
  rssOf,
  runChild,
  serveApi,
  serveWorker,
  servingRole,
  spawnChild,
  spreadPercent,
  stopChild,
  type BenchEnv,
  type Child,
} from './harness.js';
import { READ_QUERY } from './read-baseline.js';

const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 20);
const SOAK_MINUTES = Number(process.env['BENCH_SOAK_MINUTES'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
/** Share of requests that post (half new threads, half replies). */
const WRITE_SHARE = Number(process.env['BENCH_WRITE_SHARE'] ?? 0.1);
/** Share of the reads that are the full article query (the rest: a discussion page). */
const ARTICLE_SHARE = 0.5;
/** Readers who post in turn: COMMENTS_PER_MINUTE is 10, so up to USERS / 6 posts/s stay allowed. */
const USERS = Number(process.env['BENCH_USERS'] ?? 3000);
const ROUNDS = 2;
const WARMUP_S = 3;
const RSS_EVERY_MS = 5000;
const READ_SLUG = 'load-read';
const WRITE_SLUG = 'load-write';

type Mode = 'mixed' | 'scale' | 'soak';

// ---------------------------------------------------------------- data

function blocks(title: string): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 1, text: title }];
  for (let i = 0; i < 30; i++) {
    out.push({
      kind: 'paragraph',
      text: `Paragraph ${i}: readers have always written beside the text they love, arguing with the author (${i}).`,
    });
  }
  return out;
}

interface Seeded {
  writeArticleId: string;
  writers: string[];
  replyParents: string[];
}

async function seed(databaseUrl: string): Promise<Seeded> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const users = await prisma.user.createManyAndReturn({
      data: Array.from({ length: USERS + 3 }, (_, i) => ({
        email: `load${i}@bench.test`,
        handle: `load_${i}`,
        displayName: `Load ${i}`,
        passwordHash: 'x',
        emailVerifiedAt: new Date(),
      })),
      select: { id: true },
    });
    const seedAuthors = users.slice(USERS).map((u) => u.id);
    const ids: Record<string, string> = {};
    for (const [slug, threads, perThread] of [
      [READ_SLUG, 100, 5],
      [WRITE_SLUG, 40, 3],
    ] as const) {
      const bs = blocks(`Article ${slug}`);
      const { text } = canonicalize(bs);
      const article = await prisma.article.create({ data: { slug, title: `Article ${slug}` } });
      const revision = await prisma.articleRevision.create({
        data: {
          articleId: article.id,
          version: 1,
          blocks: bs as never,
          canonicalText: text,
          contentHash: createHash('sha256').update(text).digest('hex'),
        },
      });
      await prisma.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
      await seedLargeDiscussion(prisma, article.id, seedAuthors, threads, perThread, { id: revision.id, text });
      ids[slug] = article.id;
    }
    const parents = await prisma.comment.findMany({
      where: { thread: { articleId: ids[WRITE_SLUG]! }, parentId: null },
      select: { id: true },
    });
    return {
      writeArticleId: ids[WRITE_SLUG]!,
      writers: users.slice(0, USERS).map((u) => u.id),
      replyParents: parents.map((p) => p.id),
    };
  } finally {
    await prisma.$disconnect();
  }
}

// ---------------------------------------------------------------- requests

const PAGE_QUERY = `query Page($slug: String!) {
  article(slug: $slug) {
    id threadCount commentCount
    threadConnection(sort: NEWEST, first: 20) {
      nodes { id commentCount createdAt comments { id parentId authorName bodyHtml status postedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const CREATE_THREAD = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }';
const REPLY = 'mutation($input: ReplyInput!) { reply(input: $input) { id } }';

interface Workload {
  writes: boolean;
  seeded: Seeded;
  tokens: string[];
}

/** Deterministic interleaving: of every 100 requests, WRITE_SHARE×100 write, spread evenly. */
function makeRequest(w: Workload, n: number): { body: string; headers: Record<string, string> } {
  const slot = n % 100;
  const writeEvery = w.writes && WRITE_SHARE > 0 ? Math.round(1 / WRITE_SHARE) : 0;
  if (writeEvery > 0 && slot % writeEvery === 0) {
    const i = Math.floor(n / writeEvery);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${w.tokens[i % w.tokens.length]}` };
    const text = commentBody(i, 'Note');
    if (i % 2 === 0) {
      const input = { articleId: w.seeded.writeArticleId, body: text };
      return { headers, body: JSON.stringify({ query: CREATE_THREAD, variables: { input } }) };
    }
    const parentId = w.seeded.replyParents[i % w.seeded.replyParents.length]!;
    return { headers, body: JSON.stringify({ query: REPLY, variables: { input: { parentId, body: text } } }) };
  }
  const headers = { 'content-type': 'application/json' };
  return slot % 2 === 0 || ARTICLE_SHARE >= 1
    ? { headers, body: JSON.stringify({ query: READ_QUERY, variables: { slug: READ_SLUG } }) }
    : { headers, body: JSON.stringify({ query: PAGE_QUERY, variables: { slug: WRITE_SLUG } }) };
}

interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  firstError?: string;
}

/** Global request counter, so every run (and both instances in `scale`) continues the sequence. */
let sequence = 0;

async function load(urls: string[], seconds: number, w: Workload): Promise<LoadFigures> {
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const runs = urls.map((url) =>
    autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections: Math.max(1, Math.round(CONNECTIONS / urls.length)),
      duration: seconds,
      timeout: 30,
      requests: [
        {
          setupRequest: (req) => ({ ...req, ...makeRequest(w, sequence++) }),
          onResponse: (status, responseBody) => {
            if (status === 200 && responseBody.includes('"errors"')) {
              graphqlErrors++;
              firstError ??= responseBody.slice(0, 300);
            }
          },
        },
      ],
    }),
  );
  const results = await Promise.all(runs);
  const requests = results.reduce((s, r) => s + r.requests.total, 0);
  const errors = results.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0) + graphqlErrors;
  return {
    rps: results.reduce((s, r) => s + r.requests.average, 0),
    // Across instances: the slower one's percentiles (each serves half the load).
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    requests,
    errors,
    firstError,
  };
}

const row = (label: string, f: LoadFigures): string =>
  `  ${label.padEnd(26)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(
    f.p99,
  ).padStart(5)} ms   errors ${f.errors}${f.firstError ? `  (first: ${f.firstError})` : ''}`;

// ---------------------------------------------------------------- modes

async function runMixed(urls: string[], w: Workload, result: BenchResult): Promise<void> {
  const read: LoadFigures[] = [];
  const mixed: LoadFigures[] = [];
  const warmups = [await load(urls, WARMUP_S, { ...w, writes: false }), await load(urls, WARMUP_S, w)];
  for (const f of warmups) if (f.errors) console.log(row('warm-up', f));
  for (let round = 1; round <= ROUNDS; round++) {
    read.push(await load(urls, DURATION_S, { ...w, writes: false }));
    console.log(row(`read-only (run ${round})`, read.at(-1)!));
    mixed.push(await load(urls, DURATION_S, w));
    console.log(row(`mixed (run ${round})`, mixed.at(-1)!));
  }
  const rps = (xs: LoadFigures[]): number[] => xs.map((f) => f.rps);
  const baseline = { name: 'read-only load, same API', median: median(rps(read)) };
  const ratio = median(rps(mixed)) / baseline.median;
  const errors = [...warmups, ...read, ...mixed].reduce((s, f) => s + f.errors, 0);
  console.log(
    `\n  mixed ${median(rps(mixed)).toFixed(1)} req/s (spread ${spreadPercent(rps(mixed)).toFixed(0)}%), ` +
      `read-only ${baseline.median.toFixed(1)} req/s (spread ${spreadPercent(rps(read)).toFixed(0)}%), ` +
      `ratio ${ratio.toFixed(2)}×  errors ${errors}`,
  );
  result.notes.push(
    'Baseline: the same reads without the writes, on the same API and worker in the same run, so the ratio is ' +
      'what posting (transactions, outbox, queue, moderation jobs, live events) costs the whole mix; ' +
      'the target allows the posts, one request in ten, to halve it at most.',
  );
  result.repeated('read-only throughput (baseline)', 'req/s', rps(read));
  result.repeated(
    'read-only latency p99',
    'ms',
    read.map((f) => f.p99),
  );
  result.repeated('mixed throughput', 'req/s', rps(mixed), {
    baseline,
    target: '≥ 0.5× read-only',
    pass: ratio >= 0.5,
  });
  result.repeated(
    'mixed latency p50',
    'ms',
    mixed.map((f) => f.p50),
  );
  result.repeated(
    'mixed latency p99',
    'ms',
    mixed.map((f) => f.p99),
  );
  result.figure({
    name: 'errors (all runs, warm-ups included)',
    unit: 'requests',
    median: errors,
    target: '0',
    pass: errors === 0,
  });
}

async function runScale(one: string[], two: string[], w: Workload, result: BenchResult): Promise<void> {
  const runs: Record<'one' | 'two', LoadFigures[]> = { one: [], two: [] };
  const warmups = [await load(one, WARMUP_S, w), await load(two, WARMUP_S, w)];
  for (const f of warmups) if (f.errors) console.log(row('warm-up', f));
  for (let round = 1; round <= ROUNDS; round++) {
    runs.one.push(await load(one, DURATION_S, w));
    console.log(row(`1 API process (run ${round})`, runs.one.at(-1)!));
    runs.two.push(await load(two, DURATION_S, w));
    console.log(row(`2 API processes (run ${round})`, runs.two.at(-1)!));
  }
  const rps = (k: 'one' | 'two'): number[] => runs[k].map((f) => f.rps);
  const baseline = { name: '1 API process', median: median(rps('one')) };
  const ratio = median(rps('two')) / baseline.median;
  const errors = [...warmups, ...runs.one, ...runs.two].reduce((s, f) => s + f.errors, 0);
  const note =
    `This machine has ${result.machine.cores} cores, shared by the load generator, both API processes, the worker, ` +
    'PostgreSQL and Redis: the 2/1 ratio is bounded by the CPU, not by the API (on 2 cores it cannot approach 2×). ' +
    'Measure with the load generator and the database on other machines to see how replicas add up.';
  console.log(`\n  2 / 1 API processes: ${ratio.toFixed(2)}×  errors ${errors}\n  note: ${note}`);
  result.repeated('mixed throughput, 1 API process (baseline)', 'req/s', rps('one'));
  result.repeated(
    'mixed latency p99, 1 API process',
    'ms',
    runs.one.map((f) => f.p99),
  );
  result.repeated('mixed throughput, 2 API processes', 'req/s', rps('two'), { baseline });
  result.repeated(
    'mixed latency p99, 2 API processes',
    'ms',
    runs.two.map((f) => f.p99),
  );
  result.figure({
    name: 'errors (all runs, warm-ups included)',
    unit: 'requests',
    median: errors,
    target: '0',
    pass: errors === 0,
  });
  result.notes.push(note);
}

async function runSoak(urls: string[], children: Child[], w: Workload, result: BenchResult): Promise<void> {
  const seconds = Math.round(SOAK_MINUTES * 60);
  const warmupS = Math.min(60, seconds / 5);
  const windowS = Math.min(30, seconds / 10);
  const samples: Array<{ t: number; rss: Record<string, number> }> = [];
  const started = performance.now();
  const sample = (): void => {
    const rss: Record<string, number> = {};
    for (const c of children) rss[c.role] = rssOf(c.pid);
    samples.push({ t: (performance.now() - started) / 1000, rss });
  };
  sample();
  const timer = setInterval(sample, RSS_EVERY_MS);
  let figures: LoadFigures;
  try {
    figures = await load(urls, seconds, w);
  } finally {
    clearInterval(timer);
  }
  sample();
  console.log(row(`mixed, ${SOAK_MINUTES} min`, figures));
  result.figure({ name: 'soak throughput', unit: 'req/s', median: figures.rps });
  result.figure({ name: 'soak latency p50', unit: 'ms', median: figures.p50 });
  result.figure({ name: 'soak latency p99', unit: 'ms', median: figures.p99 });
  result.figure({ name: 'soak requests', unit: 'requests', median: figures.requests });
  result.figure({
    name: 'soak errors',
    unit: 'requests',
    median: figures.errors,
    target: '0',
    pass: figures.errors === 0,
  });
  const mb = (b: number): number => Math.round((b / 2 ** 20) * 10) / 10;
  for (const c of children) {
    const at = (from: number, to: number): number[] =>
      samples.filter((s) => s.t >= from && s.t <= to).map((s) => s.rss[c.role]!);
    const warm = median(at(warmupS, warmupS + windowS));
    const end = median(at(seconds - windowS, seconds + 60));
    const all = samples.map((s) => s.rss[c.role]!);
    const growth = (end / warm - 1) * 100;
    console.log(
      `  ${c.role.padEnd(6)} RSS: start ${mb(all[0]!)} MB, after warm-up ${mb(warm)} MB, end ${mb(end)} MB, ` +
        `max ${mb(Math.max(...all))} MB; growth after warm-up ${growth.toFixed(1)}% (target < 10%)`,
    );
    result.figure({ name: `${c.role} RSS after warm-up`, unit: 'MB', median: mb(warm) });
    result.figure({
      name: `${c.role} RSS at the end`,
      unit: 'MB',
      median: mb(end),
      spread: { min: mb(Math.min(...all)), max: mb(Math.max(...all)) },
      baseline: { name: `${c.role} RSS after warm-up`, median: mb(warm) },
      target: '< 1.10× after warm-up',
      pass: growth < 10,
    });
  }
  result.setup.push(
    `RSS sampled every ${RSS_EVERY_MS / 1000} s (${samples.length} samples); warm-up ${warmupS} s; ` +
      `"after warm-up" and "at the end" are medians over ${windowS} s windows; the spread of "at the end" is ` +
      'the lowest and highest sample of the whole run',
  );
}

// ---------------------------------------------------------------- main

async function main(mode: Mode): Promise<void> {
  const titles: Record<Mode, string> = {
    mixed: 'Mixed read/write load',
    scale: '1 vs 2 API processes',
    soak: 'Soak: mixed load over time',
  };
  const result = new BenchResult(mode, titles[mode]);
  let bench: BenchEnv | null = null;
  const children: Child[] = [];
  try {
    bench = await createBenchEnv(`load_${mode}`);
    const t0 = Date.now();
    const seeded = await seed(bench.databaseUrl);
    const tokens = await Promise.all(seeded.writers.map((id) => bench!.token(id)));
    const api = await spawnChild('api', bench.env);
    children.push(api);
    children.push(await spawnChild('worker', bench.env));
    if (mode === 'scale') children.push(await spawnChild('api', bench.env));
    for (const c of children) if (c.role === 'api' && c !== api) c.role = 'api2';
    const w: Workload = { writes: true, seeded, tokens };
    const reads = Math.round((1 - WRITE_SHARE) * 100);
    const setup = [
      `autocannon, ${CONNECTIONS} connections, ${mode === 'soak' ? `${SOAK_MINUTES} min` : `${DURATION_S} s per run, ${ROUNDS} runs each, ${WARMUP_S} s warm-up`}`,
      `per 100 requests: ${reads / 2} article queries (100 threads × 5 comments, ~${Math.round(
        (await readSize(api.ready)) / 1024,
      )} KB), ${reads / 2} discussion pages (newest 20 threads), ` +
        `${100 - reads} posts (createThread / reply, ${USERS} readers in turn)`,
      `real API and worker child processes (NODE_ENV=production), throwaway database and Redis prefix; seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    ];
    result.setup.push(...setup);
    console.log(`${titles[mode]} — ${machineLine(result.machine)}`);
    for (const line of setup) console.log(`  ${line}`);
    if (mode === 'mixed') await runMixed([api.ready], w, result);
    if (mode === 'scale') {
      const second = children.find((c) => c.role === 'api2')!;
      await runScale([api.ready], [api.ready, second.ready], w, result);
    }
    if (mode === 'soak') await runSoak([api.ready], children, w, result);
  } finally {
    for (const c of children) await stopChild(c);
    await bench?.drop();
  }
  const file = result.write();
  for (const f of result.figures.filter((x) => x.pass !== null)) {
    console.log(`  ${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: ${f.target}`);
  }
  console.log(`${result.pass ? 'PASS' : 'FAIL'} (result: ${file})`);
  process.exitCode = result.pass ? 0 : 1;
}

async function readSize(url: string): Promise<number> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: READ_QUERY, variables: { slug: READ_SLUG } }),
  });
  return Buffer.byteLength(await res.text());
}

const role = servingRole();
if (role === 'api') runChild(serveApi);
else if (role === 'worker') runChild(serveWorker);
else {
  const mode = process.argv[2] as Mode;
  if (!['mixed', 'scale', 'soak'].includes(mode)) {
    console.error('usage: node --import ./test/support/register-ts.mjs test/bench/load.bench.ts mixed|scale|soak');
    process.exit(2);
  }
  main(mode).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
