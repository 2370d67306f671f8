import type { TestApi } from '../api-client.js';

export interface AnnoResponse {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** One request to the annotation endpoints over real HTTP. */
export async function anno(
  api: TestApi,
  method: string,
  path: string,
  options: { token?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<AnnoResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined)
    headers['content-type'] ??= 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A new annotation on a passage (or the whole page) of an article. */
export function newAnnotation(
  origin: string,
  slug: string,
  body: string,
  quote?: { exact: string; start?: number; end?: number },
): Record<string, unknown> {
  const selector = quote
    ? [
        { type: 'TextQuoteSelector', exact: quote.exact },
        ...(quote.start !== undefined ? [{ type: 'TextPositionSelector', start: quote.start, end: quote.end }] : []),
      ]
    : undefined;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: { type: 'TextualBody', value: body, format: 'text/markdown' },
    target: selector ? { source: `${origin}/a/${slug}`, selector } : `${origin}/a/${slug}`,
  };
}
