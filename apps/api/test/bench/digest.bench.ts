/**
 * `pnpm bench digest`: building the digest of what readers are saying (digest/digest-builder.ts),
 * in process, for
 * - the opinion seed's 19 legacy comments (parsed as the import parses them), and
 * - a generated discussion of 5,000 comments by 400 readers over eight topics
 *   (test/support/digest/generated-discussion.ts).
 * Baseline, same run: plain wink-nlp tokenization of the same comments (what reading alone
 * costs). Targets: building ≤ 2 s; themes cover ≥ 80% of the comments with content words; no
 * theme made of one commenter's comments. For information: how pure the generated themes are
 * (share of a theme's comments from its most common topic). And the longest the event loop
 * waits while a digest is built (≤ 50 ms), against the build's length: built on the same
 * thread in slices, and built in the digest thread (digest-builds.ts, the worker's default).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildDigest, type Digest, type DigestSource } from '../../src/digest/digest-builder.js';
import { DigestBuilds } from '../../src/digest/digest-builds.js';
import type { AppConfig } from '../../src/infra/config/env.js';
import { tokenCount } from '../../src/digest/digest-text.js';
import { generatedDiscussion } from '../support/digest/generated-discussion.js';
import { seedDiscussion } from '../support/digest/seed-discussion.js';
import { BenchResult, machineLine, median } from './harness.js';

const TARGET_MS = 2000;
const TARGET_COVERAGE = 0.8;
/** The longest the worker's event loop may wait for a digest being built. */
const TARGET_LOOP_WAIT_MS = 50;
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 5);

async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number[]; last: T }> {
  await work();
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    last = await work();
    ms.push(performance.now() - t0);
  }
  return { ms, last };
}

async function measure(result: BenchResult, label: string, comments: DigestSource[]): Promise<Digest> {
  const tokenize = await timed(() => comments.reduce((n, c) => n + tokenCount(c.body), 0));
  const build = await timed(() => buildDigest(comments));
  const baseline = result.repeated(`${label}: tokenization only (baseline)`, 'ms', tokenize.ms);
  result.repeated(`${label}: build the digest`, 'ms', build.ms, {
    baseline: { name: baseline.name, median: baseline.median },
    ratio: median(build.ms) / baseline.median,
    target: `≤ ${TARGET_MS} ms`,
    pass: median(build.ms) <= TARGET_MS,
  });
  const digest = build.last;
  result.figure({
    name: `${label}: comments covered by a theme`,
    unit: '%',
    median: digest.coverage * 100,
    target: `≥ ${TARGET_COVERAGE * 100}%`,
    pass: digest.coverage >= TARGET_COVERAGE,
  });
  const commenter = new Map(comments.map((c) => [c.id, c.commenter]));
  const lonely = digest.themes.filter((t) => new Set(t.commentIds.map((id) => commenter.get(id))).size < 2).length;
  result.figure({
    name: `${label}: themes made of one commenter`,
    unit: 'themes',
    median: lonely,
    target: '0',
    pass: lonely === 0,
  });
  result.figure({ name: `${label}: themes`, unit: 'themes', median: digest.themes.length });
  console.log(
    `${label}: build ${median(build.ms).toFixed(1)} ms (tokenize ${baseline.median.toFixed(1)} ms), ` +
      `${digest.themes.length} themes, coverage ${(digest.coverage * 100).toFixed(1)}%, lonely ${lonely}`,
  );
  for (const t of digest.themes) console.log(`  ${t.label} (${t.commentIds.length})`);
  return digest;
}

async function main(): Promise<void> {
  const result = new BenchResult('digest', 'What readers are saying: building the digest');
  const seed = seedDiscussion();
  const generated = generatedDiscussion(5000);
  result.setup.push(
    `the opinion seed's ${seed.length} comments; a generated discussion of ${generated.comments.length.toLocaleString('en-US')} comments, 400 readers, 8 topics`,
    `in process, ${REPEATS} runs after one warm-up; baseline: wink-nlp tokenization of the same comments`,
    machineLine(result.machine),
  );
  const seedDigest = await measure(result, 'seed (19 comments)', seed);
  result.notes.push(`Seed themes: ${seedDigest.themes.map((t) => `“${t.label}”`).join(', ')}.`);
  const digest = await measure(result, 'generated (5,000 comments)', generated.comments);
  await eventLoopDuringBuild(result, generated.comments);
  const purity = digest.themes.map((t) => {
    const topics = new Map<number, number>();
    for (const id of t.commentIds) {
      const topic = generated.topicOf.get(id)!;
      topics.set(topic, (topics.get(topic) ?? 0) + 1);
    }
    return Math.max(...topics.values()) / t.commentIds.length;
  });
  result.figure({
    name: 'generated: theme purity (share of a theme from its main topic, mean)',
    unit: '%',
    median: (purity.reduce((a, b) => a + b, 0) / Math.max(1, purity.length)) * 100,
  });
  const file = result.write();
  console.log(`wrote ${file}`);
  if (!result.pass) process.exitCode = 1;
}

/**
 * The worker builds digests beside the moderation jobs: how long the event loop waited at
 * most while one digest was built, against how long the build took (what it would wait if
 * the build ran in one go).
 */
async function eventLoopDuringBuild(result: BenchResult, comments: DigestSource[]): Promise<void> {
  const sliced = await loopWaits(() => buildDigest(comments));
  const build = result.repeated('generated (5,000 comments): build, once (baseline)', 'ms', sliced.builds);
  const inThread = new DigestBuilds({ DIGEST_BUILD_THREAD: true } as AppConfig);
  try {
    await inThread.build(comments); // starts the thread, which loads the language model
    const threaded = await loopWaits(() => inThread.build(comments));
    for (const [label, waits] of [
      ['longest event-loop wait during the build, in slices on this thread', sliced.waits],
      ['longest event-loop wait during the build, in the digest thread', threaded.waits],
    ] as const) {
      result.repeated(`generated (5,000 comments): ${label}`, 'ms', waits, {
        baseline: { name: build.name, median: build.median },
        ratio: median(waits) / build.median,
        target: `≤ ${TARGET_LOOP_WAIT_MS} ms`,
        pass: median(waits) <= TARGET_LOOP_WAIT_MS,
      });
    }
    // What the moderation jobs lose: the time the event loop spends on the build, not on them.
    for (const [label, busy] of [
      ['in slices on this thread', sliced.busy],
      ['in the digest thread', threaded.busy],
    ] as const) {
      result.repeated(`generated (5,000 comments): this thread's time on the build, ${label}`, 'ms', busy, {
        baseline: { name: build.name, median: build.median },
        ratio: median(busy) / build.median,
      });
    }
    console.log(
      `event loop: busy ${median(sliced.busy).toFixed(0)} ms in slices, ${median(threaded.busy).toFixed(1)} ms with the thread`,
    );
    console.log(
      `event loop: longest wait ${median(sliced.waits).toFixed(1)} ms in slices, ` +
        `${median(threaded.waits).toFixed(1)} ms with the digest thread (${median(threaded.builds).toFixed(0)} ms), ` +
        `during a ${build.median.toFixed(0)} ms build`,
    );
  } finally {
    await inThread.onModuleDestroy();
  }
}

/** Each build's length, the longest the event loop waited during it, and how long the loop was busy. */
async function loopWaits(build: () => Promise<Digest>): Promise<{ waits: number[]; builds: number[]; busy: number[] }> {
  const waits: number[] = [];
  const builds: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const before = performance.eventLoopUtilization();
    const t0 = performance.now();
    await build();
    builds.push(performance.now() - t0);
    busy.push(performance.eventLoopUtilization(before).active);
    delay.disable();
    waits.push(delay.max / 1e6);
  }
  return { waits, builds, busy };
}

void main();
