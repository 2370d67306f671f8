import type { Operation } from './schema-operations.js';
import type { Rng } from './prng.js';

/** One raw HTTP request to /graphql. */
export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  contentType?: string;
  body?: string;
  /** Appended to /graphql for GET requests. */
  search?: string;
  authorization?: string;
}

const INVALID_IDS = [
  'not-a-uuid',
  '',
  ' ',
  '0',
  '-1',
  '00000000-0000-0000-0000-00000000000g',
  "' OR 1=1 --",
  '"; DROP TABLE comment; --',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '😀😀😀',
  '%00',
  '${7*7}',
  '{{7*7}}',
  '<script>x</script>',
  '1e309',
  'NaN',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

const WRONG_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  2 ** 31,
  2 ** 53 + 1,
  1.5,
  'string',
  '',
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  'x'.repeat(2000),
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/graphql',
  'application/xml',
  'application/json; charset=latin1',
  'application/octet-stream',
];

const BAD_JSON = [
  '{',
  '}',
  '{"query":',
  '{"query": "{ me { id } }",}',
  "{'query': '{ me { id } }'}",
  '[',
  'null',
  'true',
  '123',
  '"{ me { id } }"',
  '{"query": null}',
  '{"query": 42}',
  '{"query": ["{ me { id } }"]}',
  '{"query": {"a": 1}}',
  '{"query": "{ me { id } }", "variables": "nope"}',
  '{"query": "{ me { id } }", "variables": [1,2]}',
  '{"query": "{ me { id } }", "operationName": 7}',
  '{"__proto__": {"polluted": true}, "query": "{ me { id } }"}',
  '\u0000\u0001\u0002',
  '',
];

const BAD_QUERIES = [
  '{',
  '}',
  'query {',
  '{ me { id }',
  '{ nope }',
  '{ me { nope } }',
  'mutation { nope }',
  'subscription { moderationEvents { __typename } }',
  '{ __schema { types { name } } }',
  '{ __type(name: "User") { fields { name } } }',
  'query A { me { id } } query A { me { id } }',
  'query A { me { id } } query B { me { id } }',
  '{ me @include(if: true) @skip(if: false) { id } }',
  'fragment F on User { ...F } { me { ...F } }',
  '{ me { ...on Article { id } } }',
  '{ articles(orderBy: NOPE) { nodes { id } } }',
  '{ article(slug: 1) { id } }',
  '{ article { id } }',
  '#'.repeat(1000),
  '"""' + 'x'.repeat(100) + '"""',
];

/** A request of a randomly chosen family; every family is one way clients get things wrong. */
export function fuzzRequest(rng: Rng, operations: readonly Operation[], tokens: readonly string[]): FuzzRequest {
  const op = rng.pick(operations.filter((o) => o.kind !== 'subscription'));
  const authorization = rng.next() < 0.3 ? `Bearer ${rng.pick(tokens)}` : rng.next() < 0.05 ? badAuth(rng) : undefined;
  const json = (payload: unknown): FuzzRequest => ({
    kind: 'json',
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify(payload),
    authorization,
  });
  const family = rng.int(0, 11);
  switch (family) {
    case 0: // wrong types for every variable
      return {
        ...json({ query: op.document, variables: mapValues(op.variables, () => rng.pick(WRONG_VALUES)) }),
        kind: `wrong-types:${op.name}`,
      };
    case 1: // invalid ids and strings in every leaf
      return {
        ...json({ query: op.document, variables: mapLeaves(op.variables, () => rng.pick(INVALID_IDS)) }),
        kind: `invalid-ids:${op.name}`,
      };
    case 2: {
      // long strings in every leaf (up to 64 KiB each; bodies past the limit are sent separately)
      const length = rng.pick([100, 1_000, 10_001, 65_536]);
      const text = rng.string(length);
      return {
        ...json({ query: op.document, variables: mapLeaves(op.variables, () => text) }),
        kind: `long:${op.name}`,
      };
    }
    case 3: {
      // deep selections (past the depth limit) on a real path
      const depth = rng.int(5, 60);
      const nested = Array.from({ length: depth }).reduce<string>((acc) => `{ threads { comments ${acc} } }`, '{ id }');
      return { ...json({ query: `{ articles { nodes ${nested} } }` }), kind: `deep:${depth}` };
    }
    case 4: {
      // deeply nested lists and objects in variables
      const depth = rng.int(10, 200);
      let value: unknown = 'x';
      for (let i = 0; i < depth; i++) value = rng.next() < 0.5 ? [value] : { a: value };
      return {
        ...json({ query: op.document, variables: mapValues(op.variables, () => value) }),
        kind: `deep-vars:${depth}`,
      };
    }
    case 5: {
      // many aliases
      const count = rng.pick([5, 21, 100, 500]);
      const fields = Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ');
      return { ...json({ query: `{ ${fields} }` }), kind: `aliases:${count}` };
    }
    case 6: {
      // batched queries
      const count = rng.int(1, 10);
      return {
        ...json(Array.from({ length: count }, () => ({ query: op.document, variables: op.variables }))),
        kind: `batch:${count}`,
      };
    }
    case 7:
      return {
        kind: 'bad-json',
        method: 'POST',
        contentType: 'application/json',
        body: rng.pick(BAD_JSON),
        authorization,
      };
    case 8:
      return {
        kind: 'content-type',
        method: 'POST',
        contentType: rng.pick(CONTENT_TYPES),
        body:
          rng.next() < 0.5 ? JSON.stringify({ query: op.document, variables: op.variables }) : `query=${op.document}`,
        authorization,
      };
    case 9:
      return { ...json({ query: rng.pick(BAD_QUERIES) }), kind: 'bad-query' };
    case 10: {
      // GET, including mutations (must be refused) and broken parameters
      const params = new URLSearchParams({ query: rng.next() < 0.5 ? op.document : rng.string(rng.int(0, 200)) });
      if (rng.next() < 0.5) params.set('variables', rng.next() < 0.5 ? JSON.stringify(op.variables) : '{broken');
      return { kind: `get:${op.name}`, method: 'GET', search: `?${params.toString()}`, authorization };
    }
    default: {
      // random text as the query
      const garbage = rng.string(rng.int(1, 2000), '{}()[]:$@!#."\\ \n\tabcxyz019_-,=&|<>');
      return { ...json({ query: garbage }), kind: 'garbage' };
    }
  }
}

/** A body just past the server's limit, or far past it. */
export function oversizedRequest(rng: Rng, bodyLimit: number): FuzzRequest {
  const size = bodyLimit + rng.pick([1, 1024, bodyLimit]);
  const padding = 'x'.repeat(size);
  return {
    kind: `oversized:${size}`,
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify({ query: '{ me { id } }', variables: { padding } }),
  };
}

function badAuth(rng: Rng): string {
  return rng.pick([
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'Bearer a.b.c',
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    `Bearer ${rng.string(500)}`,
  ]);
}

function mapValues(values: Record<string, unknown>, make: () => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.keys(values).map((k) => [k, make()]));
}

function mapLeaves(value: unknown, make: () => unknown): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return make();
  };
  return walk(value) as Record<string, unknown>;
}
