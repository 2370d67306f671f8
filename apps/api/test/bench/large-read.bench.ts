/**
 * `pnpm bench large-read`: reading an article with 10,000 threads and 50,000 comments
 * (large-read-corpus.ts). Two reads, each against the real API (createHttpApp, the
 * production GraphQL setup) and, in the same run, a bare node:http + pg server running the
 * same SQL and building the same JSON (both answers are checked to be identical first):
 *
 * - the reader's first view (FIRST_VIEW_QUERY): text, highlight map, summaries near the
 *   viewport, first page of page-level threads. Targets: ≤ 300 KB of JSON, ≤ 150 ms median.
 * - the full discussion (READ_QUERY, what export and staff tools read): target ≥ 0.75× the
 *   bare server's throughput, one request at a time.
 *
 * Requests alternate API, baseline, API, baseline; timings are from the request's start to
 * its last byte on loopback, uncompressed (the baseline does not compress); the compressed
 * size and time of the first view are reported beside. The database is created, migrated,
 * seeded and dropped here.
 */
import 'reflect-metadata';
import { PrismaPg } from '@prisma/adapter-pg';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { brotliDecompressSync } from 'node:zlib';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import {
  BenchResult,
  createBenchEnv,
  machineLine,
  median,
  runChild,
  serveApi,
  servingRole,
  spawnChild,
  stopChild,
  type BenchEnv,
  type Child,
  type Served,
} from './harness.js';
import { firstView, FIRST_PAGE_THREADS, FIRST_SUMMARIES, FIRST_VIEW_QUERY } from './large-read-baseline.js';
import { LARGE_READ, seedLargeRead } from './large-read-corpus.js';
import { readArticle, READ_QUERY, startBaseline } from './read-baseline.js';

const FIRST_VIEW_RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const FULL_RUNS = 5;
const FIRST_VIEW_BYTES = 300 * 1024;
const FIRST_VIEW_MS = 150;
const FULL_RATIO = 0.75;
const SLUG = 'bench-very-large';
/** The viewport and a screen either side, at 1440×900: about the first 6,000 characters. */
const VIEWPORT = { from: 0, to: 6000 };

type Kind = 'api' | 'baseline';

/** In a child: the API, or the baseline answering both reads (the first view has `from`). */
async function serve(kind: Kind): Promise<Served> {
  if (kind === 'api') return serveApi();
  const { url, close } = await startBaseline(process.env['DATABASE_URL']!, (pool, variables) =>
    'from' in variables ? firstView(pool, variables) : readArticle(pool, variables.slug),
  );
  return { ready: url, close };
}

interface Answer {
  ms: number;
  bytes: number;
  encoding: string | undefined;
  body: Buffer;
}

/** One POST, timed to its last byte; the body as sent (compressed when asked for). */
function post(url: string, query: string, variables: object, acceptEncoding = 'identity'): Promise<Answer> {
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            ms: performance.now() - started,
            bytes: body.length,
            encoding: res.headers['content-encoding'],
            body,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const json = (a: Answer): unknown => JSON.parse(a.body.toString('utf8'));
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

async function seed(databaseUrl: string): Promise<Awaited<ReturnType<typeof seedLargeRead>>> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    return await seedLargeRead(prisma, SLUG);
  } finally {
    await prisma.$disconnect();
  }
}

async function interleaved(
  servers: Record<Kind, Child>,
  runs: number,
  ask: (url: string) => Promise<Answer>,
): Promise<Record<Kind, number[]>> {
  const times: Record<Kind, number[]> = { api: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    for (const kind of ['api', 'baseline'] as const) times[kind].push((await ask(servers[kind].ready)).ms);
  }
  return times;
}

async function main(): Promise<void> {
  const result = new BenchResult('large-read', 'Reading a very large discussion');
  let bench: BenchEnv | null = null;
  const children: Child[] = [];
  try {
    bench = await createBenchEnv('large-read');
    const t0 = Date.now();
    const seeded = await seed(bench.databaseUrl);
    console.log(
      `seeded ${seeded.threads} threads, ${seeded.comments} comments (${seeded.held} held) on ${seeded.textLength} characters in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const servers = {} as Record<Kind, Child>;
    for (const kind of ['api', 'baseline'] as const) {
      servers[kind] = await spawnChild(kind, bench.env);
      children.push(servers[kind]);
    }
    const vars = { slug: SLUG, ...VIEWPORT };
    const firstOf = (url: string) => post(url, FIRST_VIEW_QUERY, vars);
    const fullOf = (url: string) => post(url, READ_QUERY, { slug: SLUG });

    // The same answers from both servers, or the comparison means nothing.
    const first = { api: await firstOf(servers.api.ready), baseline: await firstOf(servers.baseline.ready) };
    const full = { api: await fullOf(servers.api.ready), baseline: await fullOf(servers.baseline.ready) };
    for (const [name, pair] of [
      ['first view', first],
      ['full read', full],
    ] as const) {
      if (!isDeepStrictEqual(json(pair.api), json(pair.baseline))) {
        console.log(`api:      ${pair.api.body.toString('utf8').slice(0, 600)}`);
        console.log(`baseline: ${pair.baseline.body.toString('utf8').slice(0, 600)}`);
        throw new Error(`The API and the baseline answer the ${name} differently; the comparison would be meaningless`);
      }
    }
    const view = (json(first.api) as { data: { article: Record<string, { length?: number; nodes?: unknown[] }> } }).data
      .article;
    const compressed = await post(servers.api.ready, FIRST_VIEW_QUERY, vars, 'br, gzip');
    if (compressed.encoding !== 'br') throw new Error(`first view not compressed (${compressed.encoding ?? 'none'})`);
    if (!isDeepStrictEqual(JSON.parse(brotliDecompressSync(compressed.body).toString('utf8')), json(first.api)))
      throw new Error('the compressed first view differs');
    const fullCompressed = await post(servers.api.ready, READ_QUERY, { slug: SLUG }, 'br, gzip');
    console.log(
      `first view: ${kb(first.api.bytes)} JSON (${kb(compressed.bytes)} br); ${view['highlightMap']!.length} merged ranges, ` +
        `${view['threadSummaries']!.nodes!.length} summaries, ${view['threadConnection']!.nodes!.length} page-level threads`,
    );
    console.log(`full read: ${kb(full.api.bytes)} JSON (${kb(fullCompressed.bytes)} br)`);
    result.setup.push(
      `article of ${seeded.textLength.toLocaleString('en-US')} characters with ${seeded.threads.toLocaleString('en-US')} threads ` +
        `(one in ${LARGE_READ.pageLevelEvery} page-level) and ${seeded.comments.toLocaleString('en-US')} comments ` +
        `(${seeded.held} held); identical JSON from the API and the bare server for both reads`,
      `first view: blocks, highlight map (${view['highlightMap']!.length} merged ranges), ${FIRST_SUMMARIES} summaries for ` +
        `characters ${VIEWPORT.from}–${VIEWPORT.to}, first ${FIRST_PAGE_THREADS} page-level threads; ` +
        `${kb(first.api.bytes)} JSON, ${kb(compressed.bytes)} with br`,
      `full read: the web client's former article query, ${kb(full.api.bytes)} JSON, ${kb(fullCompressed.bytes)} with br`,
      `timings: loopback, request start to last byte, uncompressed, one request at a time, API and bare server alternating`,
    );

    // Warm both, then alternate.
    await interleaved(servers, 3, firstOf);
    const firstTimes = await interleaved(servers, FIRST_VIEW_RUNS, firstOf);
    const brTimes: number[] = [];
    for (let i = 0; i < FIRST_VIEW_RUNS; i++)
      brTimes.push((await post(servers.api.ready, FIRST_VIEW_QUERY, vars, 'br, gzip')).ms);
    await interleaved(servers, 1, fullOf);
    const fullTimes = await interleaved(servers, FULL_RUNS, fullOf);

    const firstMs = median(firstTimes.api);
    const firstPass = firstMs <= FIRST_VIEW_MS;
    const bytesPass = first.api.bytes <= FIRST_VIEW_BYTES;
    // One request at a time, throughput is the inverse of the time: the ratio of throughputs
    // is the baseline's time over the API's.
    const fullRatio = median(fullTimes.baseline) / median(fullTimes.api);
    const fullPass = fullRatio >= FULL_RATIO;
    console.log(
      `first view, API:      median ${firstMs.toFixed(1)} ms (${Math.min(...firstTimes.api).toFixed(1)}–${Math.max(...firstTimes.api).toFixed(1)}) over ${FIRST_VIEW_RUNS}; ` +
        `bare ${median(firstTimes.baseline).toFixed(1)} ms  ${firstPass ? 'PASS' : 'FAIL'} (≤ ${FIRST_VIEW_MS} ms)`,
    );
    console.log(`first view, API, br:  median ${median(brTimes).toFixed(1)} ms`);
    console.log(
      `first view size:      ${kb(first.api.bytes)}  ${bytesPass ? 'PASS' : 'FAIL'} (≤ ${kb(FIRST_VIEW_BYTES)})`,
    );
    console.log(
      `full read, API:       median ${median(fullTimes.api).toFixed(0)} ms; bare ${median(fullTimes.baseline).toFixed(0)} ms; ` +
        `throughput ratio ${fullRatio.toFixed(2)}×  ${fullPass ? 'PASS' : 'FAIL'} (≥ ${FULL_RATIO}×)`,
    );

    result.figure({
      name: 'first view answer (uncompressed JSON)',
      unit: 'KB',
      median: first.api.bytes / 1024,
      baseline: { name: 'full read', median: full.api.bytes / 1024 },
      target: `≤ ${FIRST_VIEW_BYTES / 1024} KB`,
      pass: bytesPass,
    });
    result.figure({ name: 'first view answer (br, as browsers get it)', unit: 'KB', median: compressed.bytes / 1024 });
    result.repeated('first view, bare node:http + pg', 'ms', firstTimes.baseline);
    result.repeated('first view, API', 'ms', firstTimes.api, {
      baseline: { name: 'bare server', median: median(firstTimes.baseline) },
      target: `≤ ${FIRST_VIEW_MS} ms`,
      pass: firstPass,
    });
    result.repeated('first view, API, br-compressed', 'ms', brTimes);
    result.repeated('full read, bare node:http + pg', 'ms', fullTimes.baseline);
    result.repeated('full read, API', 'ms', fullTimes.api, {
      baseline: { name: 'bare server', median: median(fullTimes.baseline) },
    });
    result.figure({
      name: 'full read throughput, API / bare server',
      unit: '×',
      median: fullRatio,
      target: `≥ ${FULL_RATIO}×`,
      pass: fullPass,
    });
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
