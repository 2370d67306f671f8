import { BLOCK_SEPARATOR, canonicalize, codePointLength, type Block, type BlockKind } from '../blocks.js';
import { ContentError } from '../errors.js';
import { readInput } from '../input.js';
import { sliceCodePoints } from '@marginalia/anchoring/codepoints';
import { describeAnchor } from '../anchors.js';
import type { CommentAnchor, ParsedArticle, ParsedComment } from '../types.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle-types.js';
import {
  array,
  fail,
  integer,
  isoDate,
  object,
  optionalString,
  string,
  url,
  type Json,
  type JsonObject,
} from './checks.js';

const BLOCK_KINDS: readonly BlockKind[] = ['heading', 'paragraph', 'quote', 'list_item', 'turn', 'code'];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_BLOCK_TEXT = 200_000;
const MAX_BODY = 100_000;
const MAX_CONTEXT = 64;

function block(value: Json | undefined, path: string): Block {
  const raw = object(value, path, ['kind', 'text', 'level', 'speaker', 'ordered', 'href']);
  const kind = raw.kind;
  if (typeof kind !== 'string' || !BLOCK_KINDS.includes(kind as BlockKind)) {
    fail(`${path}.kind`, `expected one of ${BLOCK_KINDS.join(', ')}`);
  }
  const result: Block = { kind: kind as BlockKind, text: string(raw.text, `${path}.text`, MAX_BLOCK_TEXT) };
  if (result.text.includes(BLOCK_SEPARATOR))
    fail(`${path}.text`, 'must not contain a blank line ("\\n\\n"), which separates blocks');
  if (kind === 'heading') result.level = integer(raw.level, `${path}.level`, 1, 6);
  else if (raw.level !== undefined) fail(`${path}.level`, 'only heading blocks have a level');
  if (kind === 'turn') result.speaker = string(raw.speaker, `${path}.speaker`, 40);
  else if (raw.speaker !== undefined) fail(`${path}.speaker`, 'only turn blocks have a speaker');
  if (raw.ordered !== undefined) {
    if (kind !== 'list_item') fail(`${path}.ordered`, 'only list_item blocks have ordered');
    if (typeof raw.ordered !== 'boolean') fail(`${path}.ordered`, 'expected a boolean');
    result.ordered = raw.ordered;
  }
  if (raw.href !== undefined) result.href = url(raw.href, `${path}.href`, 'link');
  return result;
}

function anchor(value: Json | undefined, path: string, text: string, length: number): CommentAnchor {
  const raw = object(value, path, ['start', 'end', 'exact', 'prefix', 'suffix']);
  const start = integer(raw.start, `${path}.start`, 0, length);
  const end = integer(raw.end, `${path}.end`, 0, length);
  if (end <= start) fail(`${path}.end`, `expected an offset after start (${start}), got ${end}`);
  const exact = typeof raw.exact === 'string' ? raw.exact : fail(`${path}.exact`, 'expected a string');
  const actual = sliceCodePoints(text, start, end);
  if (exact !== actual) {
    fail(`${path}.exact`, `does not match the article text at [${start}, ${end}) ("${actual.slice(0, 40)}")`);
  }
  const selector = describeAnchor(text, start, end);
  if (raw.prefix !== undefined) {
    if (typeof raw.prefix !== 'string' || codePointLength(raw.prefix) > MAX_CONTEXT)
      fail(`${path}.prefix`, `expected a string of at most ${MAX_CONTEXT} code points`);
    if (!sliceCodePoints(text, 0, start).endsWith(raw.prefix))
      fail(`${path}.prefix`, 'does not match the text before start');
    selector.prefix = raw.prefix;
  }
  if (raw.suffix !== undefined) {
    if (typeof raw.suffix !== 'string' || codePointLength(raw.suffix) > MAX_CONTEXT)
      fail(`${path}.suffix`, `expected a string of at most ${MAX_CONTEXT} code points`);
    if (!sliceCodePoints(text, end, length).startsWith(raw.suffix))
      fail(`${path}.suffix`, 'does not match the text after end');
    selector.suffix = raw.suffix;
  }
  return selector;
}

function comment(
  value: Json | undefined,
  path: string,
  earlier: ReadonlySet<number>,
  text: string,
  length: number,
): ParsedComment {
  const raw = object(value, path, ['number', 'authorName', 'postedAt', 'body', 'parentNumber', 'anchor']);
  const number = integer(raw.number, `${path}.number`, 1);
  if (earlier.has(number)) fail(`${path}.number`, `duplicate comment number ${number}`);
  const result: ParsedComment = {
    number,
    authorName: string(raw.authorName, `${path}.authorName`, 200),
    postedAt: isoDate(raw.postedAt, `${path}.postedAt`),
    bodyMarkdown: string(raw.body, `${path}.body`, MAX_BODY),
  };
  if (raw.parentNumber !== undefined) {
    const parent = integer(raw.parentNumber, `${path}.parentNumber`, 1);
    if (!earlier.has(parent)) fail(`${path}.parentNumber`, `no earlier comment #${parent} to reply to`);
    if (raw.anchor !== undefined)
      fail(`${path}.anchor`, "a reply (parentNumber) belongs to its parent's thread and cannot have an anchor");
    result.parentNumber = parent;
  }
  if (raw.anchor !== undefined) result.anchor = anchor(raw.anchor, `${path}.anchor`, text, length);
  return result;
}

function parseJson(input: string): Json {
  try {
    return JSON.parse(input) as Json;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError('INVALID_BUNDLE', `The bundle is not valid JSON: ${reason}`);
  }
}

/**
 * Validates a bundle (JSON text or an already parsed value) and returns the article.
 * Throws ContentError INVALID_BUNDLE with `field` set to the offending path.
 */
export function parseBundle(input: unknown): ParsedArticle {
  const value = typeof input === 'string' ? parseJson(readInput(input)) : (input as Json);
  const root: JsonObject = object(value, '', ['format', 'version', 'article', 'comments']);
  if (root.format !== BUNDLE_FORMAT) fail('format', `expected "${BUNDLE_FORMAT}"`);
  if (root.version !== BUNDLE_VERSION)
    fail(
      'version',
      `unsupported version ${JSON.stringify(root.version)} (this importer reads version ${BUNDLE_VERSION})`,
    );

  const article = object(root.article, 'article', [
    'slug',
    'title',
    'author',
    'siteName',
    'sourceUrl',
    'publishedAt',
    'blocks',
  ]);
  const slug = optionalString(article.slug, 'article.slug', 200);
  if (slug !== undefined && !SLUG.test(slug)) fail('article.slug', 'expected lower-case words joined by hyphens');
  const title = string(article.title, 'article.title', 500);
  const author = optionalString(article.author, 'article.author', 300);
  const siteName = optionalString(article.siteName, 'article.siteName', 300);
  const sourceUrl = article.sourceUrl === undefined ? undefined : url(article.sourceUrl, 'article.sourceUrl', 'web');
  const publishedAt =
    article.publishedAt === undefined ? undefined : isoDate(article.publishedAt, 'article.publishedAt');
  const rawBlocks = array(article.blocks, 'article.blocks');
  if (rawBlocks.length === 0) fail('article.blocks', 'expected at least one block');
  const blocks = rawBlocks.map((raw, i) => block(raw, `article.blocks[${i}]`));

  const text = canonicalize(blocks).text;
  const length = codePointLength(text);
  const seen = new Set<number>();
  const comments = array(root.comments, 'comments').map((raw, i) => {
    const parsed = comment(raw, `comments[${i}]`, seen, text, length);
    seen.add(parsed.number);
    return parsed;
  });

  return {
    title,
    ...(slug ? { slug } : {}),
    ...(author ? { author } : {}),
    ...(siteName ? { siteName } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    blocks,
    comments,
    warnings: [],
  };
}
