import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { TestApi } from '../support/api-client.js';

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** One root field of the live schema, with a minimal well-typed request for it. */
export interface Operation {
  kind: OperationKind;
  name: string;
  /** `query($a: ID!) { field(a: $a) { __typename } }` */
  document: string;
  variables: Record<string, unknown>;
}

/** The schema Nest generated for the running app: the same one clients see. */
export function liveSchema(api: TestApi): GraphQLSchema {
  return api.app.get(GraphQLSchemaHost).schema;
}

/** Every Query, Mutation and Subscription field of the schema. */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  const roots: Array<[OperationKind, ReturnType<GraphQLSchema['getQueryType']>]> = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    type ? Object.values(type.getFields()).map((field) => operationFor(kind, field)) : [],
  );
}

function operationFor(kind: OperationKind, field: GraphQLField<unknown, unknown>): Operation {
  // Only required arguments: optional ones would only add ways for a dummy request to fail validation.
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declarations = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const document = `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  const variables = Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)]));
  return { kind, name: field.name, document, variables };
}

/** A short value of the given input type: random UUIDs for ids, first enum value, required fields only. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type)]));
  }
  switch (type.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return 'security probe';
  }
}
