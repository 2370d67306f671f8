import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/infra/config/env.js';
import { COST_ESTIMATORS } from '../../src/infra/graphql/query-cost.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi, errorCode } from '../support/api-client.js';
import { makeArticle } from '../support/factories.js';

/** The web client's document modules (the ones apps/web/e2e/schema.e2e.ts validates). */
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/src');
const MODULES = [
  'api/queries.ts',
  'moderation/queries.ts',
  'admin/queries.ts',
  'api/client.ts',
  'reader/stanceQueries.ts',
];

/** Page sizes the client asks for are at most this (ARTICLE_PAGE_SIZE, USERS_PAGE_SIZE, the queue's PAGE). */
const LARGEST_CLIENT_PAGE = 50;

const isDocument = (value: unknown): value is string =>
  typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value);

async function webDocuments(): Promise<Array<[string, string]>> {
  const found: Array<[string, string]> = [];
  for (const file of MODULES) {
    // A computed specifier: the web sources are not part of the API's TypeScript project.
    const module = (await import(path.join(WEB, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (isDocument(value)) found.push([name, value]);
  }
  return found;
}

/** A value of the type that coerces, so the cost is computed as for a real request. */
function sample(type: GraphQLInputType, name: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType, name)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type, f.name)]));
  }
  switch (getNamedType(inner).name) {
    case 'Int':
      return name === 'first' ? LARGEST_CLIENT_PAGE : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'DateTime':
      return new Date().toISOString();
    default:
      return 'x';
  }
}

function costOf(schema: GraphQLSchema, source: string): number {
  const query = parse(source);
  const variables: Record<string, unknown> = {};
  for (const definition of query.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type) as GraphQLInputType;
      variables[variable.variable.name.value] = sample(type, variable.variable.name.value);
    }
  }
  return getComplexity({ schema, query, variables, estimators: COST_ESTIMATORS });
}

describe("the web client's documents", () => {
  let api: TestApi;
  const limit = loadConfig(process.env).GRAPHQL_MAX_COST;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('all cost less than GRAPHQL_MAX_COST, with the largest page sizes the client asks for', async () => {
    const { schema } = api.app.get(GraphQLSchemaHost);
    const documents = await webDocuments();
    expect(documents.length).toBeGreaterThan(25);
    const costs = Object.fromEntries(documents.map(([name, source]) => [name, costOf(schema, source)]));
    const over = Object.entries(costs).filter(([, cost]) => cost >= limit);
    expect(over).toEqual([]);
    // The most expensive one (an article with its whole discussion, or the first view of a very
    // large one) leaves a quarter of the limit to grow into (docs/limits.md).
    expect(Math.max(...Object.values(costs))).toBeLessThan(limit * 0.75);
  });

  it('pass the limit over HTTP for an anonymous reader and a signed-in one', async () => {
    const article = await makeArticle(api.app.get(PrismaService));
    const documents = Object.fromEntries(await webDocuments());
    const reader = await api.register();
    for (const token of [undefined, reader.token]) {
      const list = await api.gql(documents['ARTICLES_QUERY']!, { first: 20, orderBy: 'MOST_DISCUSSED' }, token);
      expect(list.errors).toBeUndefined();
      const page = await api.gql(documents['ARTICLE_QUERY']!, { slug: article.slug }, token);
      expect(errorCode(page)).toBeUndefined();
    }
  });
});
