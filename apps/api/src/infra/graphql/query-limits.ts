import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ValidationRule } from 'graphql';
import type { AppConfig } from '../config/env.js';

/** Rejects abusive documents before execution: depth, aliases, directives and cost. */
export function queryLimits(config: AppConfig): ValidationRule[] {
  return [
    maxDepthRule({ n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, exposeLimits: true }),
    maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, exposeLimits: true }),
    maxDirectivesRule({ n: 20, exposeLimits: true }),
    costLimitRule({
      maxCost: config.GRAPHQL_MAX_COST,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      exposeLimits: true,
    }),
  ] as unknown as ValidationRule[];
}
