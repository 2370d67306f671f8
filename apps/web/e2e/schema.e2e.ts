/**
 * Every GraphQL document the client sends, validated against the schema of the API under
 * test (the SDL it emits when it starts in development mode): a renamed field or argument
 * fails here, in CI, rather than in a reader's browser.
 */
import { readFileSync, statSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, inject, it } from 'vitest';
import * as articleDeskDocuments from '../src/admin/articleDesk.ts';
import * as outgoingMailDocuments from '../src/admin/outgoingMail.ts';
import * as adminDocuments from '../src/admin/queries.ts';
import * as accountDocuments from '../src/auth/accountQueries.ts';
import * as apiDocuments from '../src/api/queries.ts';
import * as moderationDocuments from '../src/moderation/queries.ts';
import * as profileDocuments from '../src/profiles/queries.ts';
import * as digestDocuments from '../src/reader/digestQueries.ts';
import * as stanceDocuments from '../src/reader/stanceQueries.ts';

const isDocument = (value: unknown): value is string =>
  typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value);

const modules: Record<string, unknown> = {
  ...apiDocuments,
  ...moderationDocuments,
  ...adminDocuments,
  ...outgoingMailDocuments,
  ...articleDeskDocuments,
  ...accountDocuments,
  ...profileDocuments,
  ...digestDocuments,
  ...stanceDocuments,
};
const documents = Object.entries(modules).filter((entry): entry is [string, string] => isDocument(entry[1]));

describe('GraphQL documents', () => {
  it('are all found', () => {
    expect(documents.length).toBeGreaterThan(25);
  });

  it('validate against the schema of the API under test', () => {
    const file = inject('schemaFile');
    // Written by this run's API process, not left over from an older build.
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(inject('startedAt') - 1000);
    const schema = buildSchema(readFileSync(file, 'utf8'));
    const problems = documents.flatMap(([name, source]) =>
      validate(schema, parse(source)).map((error) => `${name}: ${error.message}`),
    );
    expect(problems).toEqual([]);
  });
});
