import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, Kind, OperationTypeNode, type DefinitionNode } from 'graphql';
import { badInput } from '../errors/domain-error.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthModule } from '../../auth/auth.module.js';
import { TokenViewerService } from '../../auth/token-viewer.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { clientErrorStatus, toGraphQLError } from '../errors/to-graphql-error.js';
import { RateLimiter } from '../redis/rate-limiter.js';
import { noteErrors, noteOperation, requestedOperationName } from './graphql-access-log.js';
import { checkCost, queryLimits } from './query-limits.js';
import { afterSubscription, beforeSubscription, subscriptionOptions } from './subscription-options.js';

/** The schema is emitted to apps/api/schema.graphql, which the web client's types are checked against. */
export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema.graphql');

export interface GraphQLContext {
  req: FastifyRequest & { user?: unknown };
  reply?: FastifyReply;
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [AuthModule],
      inject: [APP_CONFIG, TokenViewerService, RateLimiter],
      useFactory: (config: AppConfig, tokens: TokenViewerService, limiter: RateLimiter) => ({
        autoSchemaFile: config.NODE_ENV === 'production' ? true : SCHEMA_FILE,
        sortSchema: true,
        graphiql: config.NODE_ENV !== 'production',
        jit: 1,
        queryDepth: config.GRAPHQL_MAX_DEPTH,
        validationRules: queryLimits(config),
        context: (req: FastifyRequest, reply: FastifyReply): GraphQLContext => ({ req, reply }),
        hooks: {
          // Mercurius would run a subscription sent over HTTP as a query: its resolve function
          // without the subscribe step (where the guards run). Subscriptions are websocket-only.
          preExecution: [
            (schema, document, context, variables) => {
              const { req } = context as unknown as GraphQLContext;
              const operationName = req ? requestedOperationName(req) : undefined;
              if (req) noteOperation(req, document, operationName);
              const viaHttp = (context as { reply?: unknown }).reply !== undefined;
              if (viaHttp && document.definitions.some(isSubscription))
                throw badInput('query', 'Subscriptions are served over the websocket only');
              checkCost(config, schema, document, variables, operationName);
            },
          ],
          preSubscriptionExecution: [beforeSubscription(config)],
          onSubscriptionEnd: [afterSubscription],
        },
        subscription: subscriptionOptions(config, tokens, limiter),
        errorFormatter: (execution, context) => {
          const errors = (execution.errors ?? []).flatMap(expandAggregate).map((e) => toGraphQLError(e));
          noteErrors((context as { req?: object } | undefined)?.req, errors);
          // Mercurius answers 200 for errors raised by resolvers and 400 for invalid queries;
          // a request refused before execution (malformed body) keeps the framework's 4xx.
          const refused = (execution.errors ?? []).map((e: GraphQLError) => clientErrorStatus(e.originalError))[0];
          const statusCode = execution.data ? 200 : (refused ?? (errors.every(isClientError) ? 400 : 200));
          return { statusCode, response: { data: execution.data ?? null, errors } };
        },
      }),
    }),
  ],
})
export class AppGraphQLModule {}

/** Documents refused before execution: invalid, or over the cost limit. */
function isClientError(error: GraphQLError): boolean {
  const code = error.extensions['code'];
  return code === 'GRAPHQL_VALIDATION_FAILED' || code === 'QUERY_TOO_COMPLEX';
}

/** Mercurius reports all validation errors of a document as one error carrying the list. */
function expandAggregate(error: GraphQLError): unknown[] {
  const outer = error.originalError as (Error & { errors?: unknown }) | undefined;
  if (!outer || !Array.isArray(outer.errors) || outer.errors.length === 0) return [error];
  // Inner plain errors (e.g. "not via GET") carry the outer error's status and code.
  return outer.errors.map((inner: unknown) =>
    inner instanceof GraphQLError || !(inner instanceof Error)
      ? inner
      : Object.assign(outer, { message: inner.message }),
  );
}

function isSubscription(definition: DefinitionNode): boolean {
  return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
}
