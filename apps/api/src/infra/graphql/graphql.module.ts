import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthModule } from '../../auth/auth.module.js';
import { TokenViewerService } from '../../auth/token-viewer.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import { queryLimits } from './query-limits.js';

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
      inject: [APP_CONFIG, TokenViewerService],
      useFactory: (config: AppConfig, tokens: TokenViewerService) => ({
        autoSchemaFile: config.NODE_ENV === 'production' ? true : SCHEMA_FILE,
        sortSchema: true,
        graphiql: config.NODE_ENV !== 'production',
        jit: 1,
        queryDepth: config.GRAPHQL_MAX_DEPTH,
        validationRules: queryLimits(config),
        context: (req: FastifyRequest, reply: FastifyReply): GraphQLContext => ({ req, reply }),
        subscription: {
          keepAlive: 15_000,
          // The viewer is resolved once per websocket, from connection_init; a bad token refuses the connection.
          onConnect: async ({ payload }: { payload: unknown }) => {
            try {
              const user = await tokens.fromConnectionPayload(payload);
              return { req: { headers: {}, user } };
            } catch {
              return false;
            }
          },
        },
        errorFormatter: (execution) => {
          const errors = (execution.errors ?? []).map((e: GraphQLError) => toGraphQLError(e));
          // Mercurius answers 200 for errors raised by resolvers and 400 for invalid queries.
          const statusCode = execution.data ? 200 : errors.every(isClientError) ? 400 : 200;
          return { statusCode, response: { data: execution.data ?? null, errors } };
        },
      }),
    }),
  ],
})
export class AppGraphQLModule {}

function isClientError(error: GraphQLError): boolean {
  return error.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED';
}
