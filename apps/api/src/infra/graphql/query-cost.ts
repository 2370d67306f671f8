import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import {
  createComplexityRule,
  fieldExtensionsEstimator,
  simpleEstimator,
  type ComplexityEstimator,
  type ComplexityEstimatorArgs,
} from 'graphql-query-complexity';

/**
 * The cost of a document is the number of values it may resolve, lists counted full: a list
 * field costs 1 plus its size times its selection's cost. Its size is its `first` (or
 * `recent`) argument, what the field declares (`listOf`), or DEFAULT_LIST_SIZE.
 */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Sizes of unpaged lists that know better than the default, from the demo corpus and the
 * large-discussion fixture: an article's threads are counted as 50, a thread's comments as 20
 * (a busier article costs more than it is counted: the limit is a bound on abuse, not a bill).
 */
export const THREADS_PER_ARTICLE = 50;
export const ORPHANS_PER_ARTICLE = 20;
export const COMMENTS_PER_THREAD = 20;
export const BLOCKS_PER_REVISION = 100;

/** Arguments that say how many items a field returns. */
const PAGE_SIZE_ARGS = ['first', 'limit', 'recent'] as const;

/** For @Field/@ResolveField `complexity`: a list of at most (or typically) `size` items. */
export const listOf =
  (size: number) =>
  ({ childComplexity }: Pick<ComplexityEstimatorArgs, 'childComplexity'>): number =>
    1 + size * childComplexity;

/** For the `nodes`/`items` of a page: the paged field above already multiplied by `first`. */
export const pageNodes = ({ childComplexity }: Pick<ComplexityEstimatorArgs, 'childComplexity'>): number =>
  1 + childComplexity;

/** A field with a page-size argument: its selection, that many times. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of PAGE_SIZE_ARGS) {
    const size = (args as Record<string, unknown>)[name];
    if (typeof size === 'number' && Number.isFinite(size)) return 1 + Math.max(0, size) * childComplexity;
  }
  return undefined;
};

/** A list of objects that declares no size. Lists of scalars cost 1: their selection is empty. */
const unpagedListEstimator: ComplexityEstimator = ({ field, childComplexity }) => {
  const type = getNullableType(field.type);
  if (!isListType(type) || !isCompositeType(getNamedType(type))) return undefined;
  return 1 + DEFAULT_LIST_SIZE * childComplexity;
};

export const COST_ESTIMATORS: ComplexityEstimator[] = [
  fieldExtensionsEstimator(),
  pagedEstimator,
  unpagedListEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/** The error a too costly document gets: a client error with its cost and the limit. */
export function tooComplex(limit: number, cost: number): GraphQLError {
  return new GraphQLError(
    `This query's cost of ${cost} exceeds the limit of ${limit}; ask for smaller pages or fewer fields`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit } },
  );
}

/** Selections past which graphql-query-complexity gives up (its own default). */
const MAX_NODES = 10_000;

/**
 * Costs already computed, by document and by the values of the variables that can change a
 * cost: page sizes (Int) and @include/@skip conditions (Boolean). Mercurius reuses the parsed
 * document of a cached query, so a repeated request costs a lookup instead of a walk (about
 * 1 ms for the article page's document on a busy test machine).
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_COSTS_PER_DOCUMENT = 64;
const COST_VARIABLE_TYPES = new Set(['Int', 'Boolean', 'Float']);

function costKey(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): string {
  const values: unknown[] = [operationName ?? null];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      let type = variable.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      if (!COST_VARIABLE_TYPES.has(type.name.value)) continue;
      const name = variable.variable.name.value;
      values.push(name, variables[name] ?? null);
    }
  }
  return JSON.stringify(values);
}

/**
 * The cost of the operation with its variables, by graphql-query-complexity's validation rule;
 * null when it cannot be computed (variables that do not coerce: execution reports those).
 */
function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
): number | null {
  // The rule reads `operationName` only to pick one of several operations (and fails on an
  // anonymous one when given a name).
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  let cost: number | null = null;
  const rule = createComplexityRule({
    maximumComplexity: Number.MAX_SAFE_INTEGER,
    estimators: COST_ESTIMATORS,
    variables,
    maxQueryNodes: MAX_NODES,
    ...(operations > 1 && operationName ? { operationName } : {}),
    onComplete: (complexity) => {
      cost = complexity;
    },
  });
  try {
    return validate(schema, document, [rule]).length > 0 ? null : cost;
  } catch {
    // It throws past MAX_NODES selections: no honest document comes near.
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The cost error of one operation with its variables, if it costs more than `limit`. Called
 * for every execution (see query-limits.ts): the cost depends on the variables, which
 * Mercurius' cached validation never sees.
 */
export function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  limit: number,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): readonly GraphQLError[] {
  const values = variables ?? {};
  const key = costKey(document, operationName, values);
  let known = costs.get(document);
  let cost = known?.get(key);
  if (cost === undefined) {
    const computed = computeCost(schema, document, values, operationName);
    if (computed === null) return [];
    cost = computed;
    if (!known) costs.set(document, (known = new Map()));
    if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
  }
  if (cost <= limit) return [];
  if (cost === Number.POSITIVE_INFINITY) {
    return [
      new GraphQLError('This query has too many selections', { extensions: { code: 'QUERY_TOO_COMPLEX', limit } }),
    ];
  }
  return [tooComplex(limit, cost)];
}
