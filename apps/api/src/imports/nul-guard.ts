import { ContentError, type ParsedArticle } from '@marginalia/content';

/**
 * Work-around: bundle validation in @marginalia/content accepts strings holding NUL
 * (written as the JSON escape \u0000, so the raw-input check never sees a NUL byte).
 * PostgreSQL cannot store NUL in text or jsonb, so such an import would fail at the
 * INSERT as an unexpected, retried error; refuse it up front as bad input instead.
 */
export function assertNoNul(parsed: ParsedArticle): void {
  const fields: Array<[string, string | undefined]> = [
    ['article.title', parsed.title],
    ['article.author', parsed.author],
    ['article.siteName', parsed.siteName],
    ...parsed.blocks.map((b, i): [string, string] => [`article.blocks[${i}].text`, `${b.text}${b.speaker ?? ''}`]),
    ...parsed.comments.flatMap((c, i): Array<[string, string]> => [
      [`comments[${i}].authorName`, c.authorName],
      [`comments[${i}].body`, c.bodyMarkdown],
    ]),
  ];
  const bad = fields.find(([, value]) => value?.includes('\u0000'));
  if (bad) throw new ContentError('BINARY', `The import contains a NUL character, which is not text`, bad[0]);
}
