/**
 * `pnpm bench read`: the GraphQL read of an article with 1,000 threads and 5,000 comments
 * (the web client's article query, anonymous), against the real API (createHttpApp, the
 * production GraphQL setup) and, in the same run, a bare node:http + pg server running
 * the same SQL and building the same JSON (read-baseline.ts). Both answers are checked to
 * be identical first. Each server runs in its own child process; autocannon drives them
 * from this one, alternating API, baseline, API, baseline, for a fixed duration each.
 * The database is created, migrated, seeded and dropped here. Target: API ≥ 0.5× baseline.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { canonicalize, type Block } from '@marginalia/content';
import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { seedLargeDiscussion } from '../support/comments/large-discussion.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import {
  ask,
  BenchResult,
  createBenchEnv,
  machineLine,
  mean,
  median,
  runChild,
  serveApi,
  servingRole,
  spawnChild,
  spreadPercent,
  stopChild,
  type BenchEnv,
  type Child,
  type Served,
} from './harness.js';
import { READ_QUERY, startBaseline } from './read-baseline.js';

const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);
const RUNS_ENABLED = process.env['BENCH_DURATION'] !== '0';
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
const ROUNDS = 2;
const TARGET = 0.5;
const SLUG = 'bench-article';

type Kind = 'api' | 'baseline';

// ---------------------------------------------------------------- child processes

/** In a child: serve one kind until told to stop; record the SQL of requests on demand. */
async function serve(kind: Kind): Promise<Served> {
  let recording: string[] | null = null;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function recorded(this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    if (recording) recording.push(typeof first === 'string' ? first : (first.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const served: Served =
    kind === 'api'
      ? await serveApi()
      : await startBaseline(process.env['DATABASE_URL']!).then(({ url, close }) => ({ ready: url, close }));
  served.onMessage = (message) => {
    if (message === 'record') {
      recording = [];
      process.send!({ statements: [] });
    }
    if (message === 'report') {
      process.send!({ statements: recording ?? [] });
      recording = null;
    }
  };
  return served;
}

// ---------------------------------------------------------------- database

function articleBlocks(): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: 'Reading in the margins' }];
  for (let i = 0; i < 40; i++) {
    if (i % 10 === 0) blocks.push({ kind: 'heading', level: 2, text: `Part ${i / 10 + 1}` });
    blocks.push({
      kind: 'paragraph',
      text:
        `Paragraph ${i}: readers have always written beside the text they love, arguing with the author, ` +
        `correcting a date, copying a recipe or a prayer, and leaving a trace for the next reader (${i}).`,
    });
  }
  return blocks;
}

async function seed(databaseUrl: string): Promise<{ threads: number; comments: number; reactions: number }> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const users = await Promise.all(
      ['ada', 'grace', 'alan'].map((handle) =>
        prisma.user.create({
          data: {
            email: `${handle}@bench.test`,
            handle,
            displayName: handle.toUpperCase(),
            passwordHash: 'x',
            emailVerifiedAt: new Date(),
          },
        }),
      ),
    );
    const blocks = articleBlocks();
    const { text } = canonicalize(blocks);
    const article = await prisma.article.create({ data: { slug: SLUG, title: 'Reading in the margins' } });
    const revision = await prisma.articleRevision.create({
      data: {
        articleId: article.id,
        version: 1,
        blocks: blocks as never,
        canonicalText: text,
        contentHash: createHash('sha256').update(text).digest('hex'),
      },
    });
    await prisma.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
    return await seedLargeDiscussion(
      prisma,
      article.id,
      users.map((u) => u.id),
      1000,
      5,
      { id: revision.id, text },
    );
  } finally {
    await prisma.$disconnect();
  }
}

// ---------------------------------------------------------------- measuring

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, duration: number): Promise<Figures> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: READ_QUERY, variables: { slug: SLUG } }),
    connections: CONNECTIONS,
    duration,
    // Answers are ~3 MB; on a busy machine a slow answer should count as slow, not as lost.
    timeout: 30,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function fetchRead(url: string): Promise<{ json: unknown; bytes: number }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: READ_QUERY, variables: { slug: SLUG } }),
  });
  const text = await res.text();
  return { json: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

const row = (label: string, f: Figures): string =>
  `${label.padEnd(22)} ${f.rps.toFixed(1).padStart(8)} req/s   p50 ${String(f.p50).padStart(5)} ms   p99 ${String(
    f.p99,
  ).padStart(5)} ms${f.errors ? `   errors ${f.errors}` : ''}`;

async function main(): Promise<void> {
  const result = new BenchResult('read', 'GraphQL read of a large discussion');
  let bench: BenchEnv | null = null;
  const children: Child[] = [];
  try {
    bench = await createBenchEnv('read');
    const t0 = Date.now();
    const seeded = await seed(bench.databaseUrl);
    console.log(
      `seeded ${seeded.threads} threads, ${seeded.comments} comments, ${seeded.reactions} reactions in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const servers = {} as Record<Kind, Child>;
    for (const kind of ['api', 'baseline'] as const) {
      servers[kind] = await spawnChild(kind, bench.env);
      children.push(servers[kind]);
    }

    // Same answer, and the SQL each sends for it.
    const answers = {} as Record<Kind, { json: unknown; bytes: number }>;
    const statements = {} as Record<Kind, string[]>;
    for (const kind of ['api', 'baseline'] as const) {
      await fetchRead(servers[kind].ready); // warm caches and pools before recording
      await ask(servers[kind].child, 'record');
      answers[kind] = await fetchRead(servers[kind].ready);
      statements[kind] = (await ask<{ statements: string[] }>(servers[kind].child, 'report')).statements;
    }
    if (!isDeepStrictEqual(answers.api.json, answers.baseline.json)) {
      throw new Error('The API and the baseline answer differently; the comparison would be meaningless');
    }
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const sameSql = isDeepStrictEqual(statements.api.map(norm).sort(), statements.baseline.map(norm).sort());
    console.log(`response: ${(answers.api.bytes / 1024).toFixed(0)} KB, identical JSON from both servers`);
    console.log(
      `SQL per request: API ${statements.api.length}, baseline ${statements.baseline.length} statements (${sameSql ? 'the same text' : 'DIFFERENT text'})`,
    );
    if (!sameSql) {
      for (const s of statements.api) console.log(`  api:      ${norm(s).slice(0, 110)}`);
      for (const s of statements.baseline) console.log(`  baseline: ${norm(s).slice(0, 110)}`);
    }
    result.setup.push(
      `article with ${seeded.threads} threads, ${seeded.comments} comments, ${seeded.reactions} reactions; ` +
        `answer ${(answers.api.bytes / 1024).toFixed(0)} KB, identical JSON from both servers`,
      `baseline: bare node:http + pg, the same SQL (${statements.api.length} statements, ${sameSql ? 'the same text' : 'DIFFERENT text'}) and the same JSON`,
    );

    const single = {} as Record<Kind, number[]>;
    for (const kind of ['api', 'baseline'] as const) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await fetchRead(servers[kind].ready);
        times.push(performance.now() - started);
      }
      single[kind] = times;
      console.log(`one request at a time, ${kind}: median ${median(times).toFixed(0)} ms over 5`);
    }
    result.repeated('one request at a time, API', 'ms', single.api, {
      baseline: { name: 'bare server', median: median(single.baseline) },
    });

    // BENCH_DURATION=0: only the checks and the one-at-a-time timings above.
    if (RUNS_ENABLED) {
      console.log(`\nautocannon: ${CONNECTIONS} connections, ${DURATION_S} s per run, warm-up 3 s each`);
      result.setup.push(
        `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} runs each alternating API / baseline, 3 s warm-up`,
      );
      await load(servers.api.ready, 3);
      await load(servers.baseline.ready, 3);
      const results: Record<Kind, Figures[]> = { api: [], baseline: [] };
      for (let round = 1; round <= ROUNDS; round++) {
        for (const kind of ['api', 'baseline'] as const) {
          const figures = await load(servers[kind].ready, DURATION_S);
          results[kind].push(figures);
          console.log(row(`${kind} (run ${round})`, figures));
        }
      }
      const summary = (kind: Kind): Figures => ({
        rps: mean(results[kind].map((f) => f.rps)),
        p50: mean(results[kind].map((f) => f.p50)),
        p99: mean(results[kind].map((f) => f.p99)),
        errors: results[kind].reduce((n, f) => n + f.errors, 0),
      });
      const api = summary('api');
      const baseline = summary('baseline');
      const ratio = api.rps / baseline.rps;
      const spread = (kind: Kind): string => `${spreadPercent(results[kind].map((f) => f.rps)).toFixed(0)}%`;
      console.log(`\n${row('API (mean)', api)}   spread ${spread('api')}`);
      console.log(`${row('baseline (mean)', baseline)}   spread ${spread('baseline')}`);
      const pass = ratio >= TARGET && api.errors === 0 && baseline.errors === 0;
      console.log(`ratio API/baseline: ${ratio.toFixed(2)}× (target ≥ ${TARGET}×)  ${pass ? 'PASS' : 'FAIL'}`);

      const of = (kind: Kind, key: keyof Figures): number[] => results[kind].map((f) => f[key]);
      result.repeated('baseline throughput (bare node:http + pg)', 'req/s', of('baseline', 'rps'));
      result.repeated('API throughput', 'req/s', of('api', 'rps'), {
        baseline: { name: 'bare server', median: median(of('baseline', 'rps')) },
        target: `≥ ${TARGET}× baseline`,
        pass: median(of('api', 'rps')) / median(of('baseline', 'rps')) >= TARGET,
      });
      result.repeated('API latency p50', 'ms', of('api', 'p50'), {
        baseline: { name: 'bare server', median: median(of('baseline', 'p50')) },
      });
      result.repeated('API latency p99', 'ms', of('api', 'p99'), {
        baseline: { name: 'bare server', median: median(of('baseline', 'p99')) },
      });
      const errors = api.errors + baseline.errors;
      result.figure({
        name: 'errors (both servers)',
        unit: 'requests',
        median: errors,
        target: '0',
        pass: errors === 0,
      });
    }
  } finally {
    for (const child of children) await stopChild(child);
    await bench?.drop();
  }
  const file = result.write();
  console.log(`machine: ${machineLine(result.machine)}\nresult: ${file}`);
  process.exitCode = result.pass ? 0 : 1;
}

const role = servingRole();
if (role) {
  runChild(() => serve(role as Kind));
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
