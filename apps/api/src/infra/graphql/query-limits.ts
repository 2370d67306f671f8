import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { AppConfig } from '../config/env.js';
import { costErrors } from './query-cost.js';

/**
 * Rejects abusive documents before execution: depth, aliases and directives. They depend on
 * the document only, so Mercurius runs them once per document and caches the outcome.
 */
export function queryLimits(config: AppConfig): ValidationRule[] {
  return [
    maxDepthRule({ n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, exposeLimits: true }),
    maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, exposeLimits: true }),
    maxDirectivesRule({ n: 20, exposeLimits: true }),
  ] as unknown as ValidationRule[];
}

/**
 * The cost rule, for every execution. It depends on the variables (`first: $n`), and Mercurius
 * validates a document only the first time it sees it (later runs use its cache and the jit
 * compilation, which is why a function `validationRules`, given the variables, is refused with
 * the cache on): so it runs in the preExecution hook instead, each time, with the variables.
 */
export function checkCost(
  config: AppConfig,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): void {
  const [error] = costErrors(schema, document, config.GRAPHQL_MAX_COST, variables, operationName);
  if (error) throw error;
}

/**
 * Everything a query gets, for a subscription document: Mercurius runs neither the specified
 * rules nor its validationRules (nor so the cost rule) on documents that arrive over the websocket.
 */
export function validateSubscription(
  config: AppConfig,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void {
  const errors = validate(schema, document, [...specifiedRules, ...queryLimits(config)]);
  const [error] =
    errors.length > 0 ? errors : costErrors(schema, document, config.GRAPHQL_MAX_COST, variables, undefined);
  if (error) throw error;
}
