import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';

/** The discussion's list types: an article read returns thousands of each. */
const PLAIN_TYPES = [
  'Thread',
  'Comment',
  'Anchor',
  'ReactionCount',
  'PageInfo',
  'ThreadConnection',
  'CommentConnection',
];

/**
 * NestJS gives every field of a code-first object type a resolver that just reads the
 * property. graphql-jit inlines property reads but has to call, and check the result of,
 * any resolver: reading an article with 5,000 comments calls ~100,000 of them. The
 * discussion models are plain objects built in one pass (ThreadReader), so those trivial
 * resolvers are dropped before the first query is compiled (about a third less CPU per
 * read in `pnpm bench read`). Real resolvers (@ResolveField) are left alone.
 */
@Injectable()
export class PlainFieldResolvers implements OnApplicationBootstrap {
  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    // The schema host lives in the GraphQL module, which this module does not import.
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    for (const name of PLAIN_TYPES) {
      const type = schema.getType(name);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve?.name === 'rootFieldResolver') field.resolve = undefined;
      }
    }
  }
}
