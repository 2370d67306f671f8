import { canonicalize } from '../blocks.js';
import { hasLegacyComments, splitLegacyComments, type LegacySplit } from '../comments/legacy.js';
import { toParsedComments } from '../comments/to-parsed.js';
import { ContentError } from '../errors.js';
import { readInput } from '../input.js';
import { deriveTitle } from '../text/sentences.js';
import { normalizeDocument } from '../text/whitespace.js';
import type { ParsedArticle } from '../types.js';
import { applyDebateLayout, detectDebate } from './debate.js';
import { SITE_LINE, isHeadingLike } from './patterns.js';
import { buildBlocks, type StructureOptions } from './structure.js';
import { splitUnits, type Unit } from './units.js';
import { splitTrailingLinks, stripEditSuffix } from './wiki.js';

export interface PlainTextOptions {
  /** Force or forbid the debate layout; `auto` (default) detects it. */
  layout?: 'auto' | 'debate' | 'article';
  /** Look for a legacy comments section (default true). */
  comments?: boolean;
}

const MAX_TITLE_LENGTH = 150;

/** A first line reads as a title when it is short and does not end like a sentence. */
function isTitleLine(text: string): boolean {
  return text.length <= MAX_TITLE_LENGTH && text.split(' ').length <= 25 && !/[.,;:]$/.test(text);
}

interface Head {
  title: string;
  siteName?: string;
  sourceUrl?: string;
  wiki: boolean;
  units: Unit[];
}

/** Site line and title: metadata taken off the top of the document. */
function readHead(units: Unit[], declaredTitle: string | undefined): Head {
  const rest = [...units];
  let siteName: string | undefined;
  let sourceUrl: string | undefined;
  const siteIndex = rest.slice(0, 2).findIndex((unit) => SITE_LINE.test(unit.text));
  if (siteIndex >= 0) {
    const site = SITE_LINE.exec(rest[siteIndex]?.text ?? '');
    siteName = site?.[1]?.trim();
    sourceUrl = site?.[2];
    rest.splice(siteIndex, 1);
  }
  const first = rest[0];
  if (first && rest.length > 1 && isTitleLine(first.text)) {
    rest.shift();
    const { text, stripped } = stripEditSuffix(first.text);
    return {
      title: text,
      wiki: stripped,
      units: rest,
      ...(siteName ? { siteName } : {}),
      ...(sourceUrl ? { sourceUrl } : {}),
    };
  }
  // No title line: the comments header may name the post; otherwise the first sentence.
  const title = declaredTitle ?? deriveTitle(first?.text ?? '');
  return { title, wiki: false, units: rest, ...(siteName ? { siteName } : {}), ...(sourceUrl ? { sourceUrl } : {}) };
}

/** Wiki scrapes: drop "Edit" from section headings and trailing link labels from paragraphs. */
function cleanWikiUnits(units: readonly Unit[], warnings: string[]): Unit[] {
  const dropped: string[] = [];
  const cleaned = units.map((unit) => {
    if (isHeadingLike(unit.text)) return { ...unit, text: stripEditSuffix(unit.text).text };
    const { text, links } = splitTrailingLinks(unit.text);
    if (links) dropped.push(links);
    return { ...unit, text };
  });
  if (dropped.length) {
    warnings.push(
      `Dropped ${dropped.length} trailing wiki link lists: ${dropped.map((links) => `"${links}"`).join(', ')}.`,
    );
  }
  return cleaned;
}

/**
 * Plain text with inferred structure: site line, title, headings, paragraphs, lists,
 * byline, debate turns, and a legacy (WordPress print) comments section.
 */
export function parsePlainText(input: string, options: PlainTextOptions = {}): ParsedArticle {
  const text = normalizeDocument(readInput(input));
  const legacy: LegacySplit =
    options.comments !== false && hasLegacyComments(text)
      ? splitLegacyComments(text)
      : { article: text, comments: [], warnings: [] };
  const warnings = [...legacy.warnings];

  const head = readHead(splitUnits(legacy.article), legacy.declaredTitle);
  let units = head.wiki ? cleanWikiUnits(head.units, warnings) : head.units;

  const structure: StructureOptions = {};
  const debate = options.layout === 'debate' || (options.layout !== 'article' && detectDebate(units));
  if (debate) {
    const layout = applyDebateLayout(units);
    units = layout.units;
    warnings.push(...layout.warnings);
    // After the last turn come the summary sections, written as `Label: text`.
    structure.splitLabel = (index) => layout.lastTurn >= 0 && index > layout.lastTurn;
  }
  const built = buildBlocks(units, structure);
  warnings.push(...built.warnings);
  if (built.blocks.length === 0) {
    throw new ContentError('NOTHING_READABLE', 'The text has no paragraphs to import.');
  }

  const canonical = canonicalize(built.blocks).text;
  const sourceUrl = head.sourceUrl ?? legacy.sourceUrl ?? built.sourceUrl;
  return {
    title: head.title,
    ...(built.author ? { author: built.author } : {}),
    ...(head.siteName ? { siteName: head.siteName } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    blocks: built.blocks,
    comments: toParsedComments(canonical, legacy.comments),
    warnings,
  };
}
