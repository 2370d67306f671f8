import { BODY_LIMIT } from '../../src/http-app.js';
import { TestApi } from '../support/api-client.js';
import { fuzzRequest, oversizedRequest, type FuzzRequest } from './fuzz-cases.js';
import { findLeak } from './leaks.js';
import { seeded } from './prng.js';
import { liveSchema, operationsOf } from './schema-operations.js';

/** Change the seed to explore; a failure prints the seed and the request so it replays. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const REQUESTS = Number(process.env['FUZZ_REQUESTS'] ?? 10_000);
const OVERSIZED = 12;
const CONCURRENCY = 20;

interface Finding {
  index: number;
  kind: string;
  status: number;
  problem: string;
  excerpt: string;
}

describe('input fuzzing over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.authorization) headers['authorization'] = request.authorization;
    const res = await fetch(`${api.url}/graphql${request.search ?? ''}`, {
      method: request.method,
      headers,
      body: request.body,
    });
    return { status: res.status, text: await res.text() };
  }

  it(`answers ${REQUESTS} malformed requests without a 5xx or an internal detail (seed ${SEED})`, async () => {
    const rng = seeded(SEED);
    const reader = await api.register();
    const operations = operationsOf(liveSchema(api));
    const requests = Array.from({ length: REQUESTS }, () =>
      fuzzRequest(rng, operations, [reader.token, 'not-a-token']),
    );
    for (let i = 0; i < OVERSIZED; i++) requests.push(oversizedRequest(rng, BODY_LIMIT));

    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    const timing = new Map<string, [number, number]>();
    let next = 0;
    const lanes = Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const index = next++;
        const request = requests[index]!;
        const started = performance.now();
        const { status, text } = await send(request);
        const family = request.kind.split(':')[0]!;
        const t = timing.get(family) ?? [0, 0];
        timing.set(family, [t[0] + 1, t[1] + performance.now() - started]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const leak = findLeak(text);
        const problem =
          status >= 500
            ? `status ${status}`
            : leak
              ? `leak ${String(leak)}`
              : text.includes('INTERNAL_SERVER_ERROR')
                ? 'unexpected error'
                : undefined;
        if (problem) findings.push({ index, kind: request.kind, status, problem, excerpt: text.slice(0, 300) });
      }
    });
    await Promise.all(lanes);
    if (process.env['FUZZ_TIMING'])
      console.log([...timing].map(([k, [n, ms]]) => `${k} ${n} ${Math.round(ms)}ms`).join('\n'));

    expect(findings.slice(0, 20)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS + OVERSIZED);
    // The limits answer as client errors: too large, invalid, refused.
    expect(statuses.get(413)).toBeGreaterThanOrEqual(OVERSIZED);

    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  }, 240_000);
});
