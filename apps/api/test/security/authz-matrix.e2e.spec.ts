import { TestApi, type GqlResult } from '../support/api-client.js';
import {
  ACTORS,
  makeActor,
  makeActors,
  outcomeOf,
  trySubscription,
  type Actor,
  type ActorName,
  type Outcome,
} from './actors.js';
import { AUTHZ_RULES, deniedCode, isAllowed, type Setup } from './authz-rules.js';
import { liveSchema, operationsOf, type Operation } from './schema-operations.js';

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

describe('authorization matrix over the live schema', () => {
  let api: TestApi;
  let actors: Record<ActorName, Actor>;
  let operations: Operation[];

  beforeAll(async () => {
    api = await TestApi.start();
    actors = await makeActors(api);
    operations = operationsOf(liveSchema(api));
  });
  afterAll(async () => {
    await api.close();
  });

  it('has a rule for every query, mutation and subscription', () => {
    const missing = operations.map((op) => op.name).filter((name) => !(name in AUTHZ_RULES));
    const stale = Object.keys(AUTHZ_RULES).filter((name) => !operations.some((op) => op.name === name));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(operations.length).toBeGreaterThan(30);
  });

  async function prepare(op: Operation, actor: Actor, setup: Setup | undefined): Promise<[Operation, Actor]> {
    switch (setup) {
      case undefined:
        return [op, actor];
      case 'credentials': {
        const account = actors.reader;
        return [{ ...op, variables: { input: { email: account.email, password: account.password } } }, actor];
      }
      case 'fresh-refresh-token':
        return [{ ...op, variables: { token: (await api.register()).refreshToken } }, actor];
      case 'fresh-actor':
        return [op, await makeActor(api, actor.name)];
    }
  }

  async function call(op: Operation, actor: Actor): Promise<Outcome> {
    if (op.kind === 'subscription') return trySubscription(api, op.document, op.variables, actor.token);
    const result = await api.gql<Record<string, unknown>>(op.document, op.variables, actor.token);
    return outcomeOf(result as GqlResult<Record<string, unknown>>, op.name);
  }

  it('lets each role call exactly the operations its rule allows', async () => {
    const problems: string[] = [];
    let checked = 0;
    const cases = operations.flatMap((op) => ACTORS.map((name) => [op, name] as const));
    await runPool(cases, 10, async ([generic, name]) => {
      const rule = AUTHZ_RULES[generic.name];
      if (!rule || 'skip' in rule) return;
      const [op, actor] = await prepare(generic, actors[name], rule.setup);
      const outcome = await call(op, actor);
      checked++;
      const authErrors = outcome.codes.filter((c) => AUTH_CODES.has(String(c)));
      if (isAllowed(rule.access, name)) {
        if (authErrors.length > 0) problems.push(`${op.name} as ${name}: expected allowed, got ${outcome.raw}`);
      } else if (outcome.codes[0] !== deniedCode(name) || outcome.value !== null) {
        problems.push(`${op.name} as ${name}: expected ${deniedCode(name)} without data, got ${outcome.raw}`);
      }
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(operations.length * ACTORS.length - 7 * 3);
  });
});

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
