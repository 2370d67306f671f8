import { findNormRange, lastIndexOfWords, normalizeWords, type PreparedQuote } from '../text/search.js';
import { ownWords } from './quotes.js';

const MAY_QUOTE = /["“”„«»]|^(?:blockquote>|>)/m;

/** Comments searched with the tolerant (fuzzy) matcher: replies quote recent comments. */
export const FUZZY_WINDOW = 50;

/**
 * All comment bodies, normalised and concatenated (separated by "\n", which normalised
 * text never contains), so "the latest earlier comment containing this quote" is one
 * native lastIndexOf instead of a scan over every earlier comment.
 */
export class CommentCorpus {
  private readonly own: string;
  private readonly full: string;
  private readonly ownStarts: number[] = [];
  private readonly fullStarts: number[] = [];
  private readonly fullTexts: string[];
  private readonly ownTexts: string[];

  constructor(bodies: readonly string[]) {
    this.fullTexts = bodies.map((body) => normalizeWords(body));
    // Most comments quote nothing: their own words are their whole text.
    this.ownTexts = bodies.map((body, i) =>
      MAY_QUOTE.test(body) ? normalizeWords(ownWords(body)) : (this.fullTexts[i] ?? ''),
    );
    this.own = CommentCorpus.join(this.ownTexts, this.ownStarts);
    this.full = CommentCorpus.join(this.fullTexts, this.fullStarts);
  }

  private static join(texts: readonly string[], starts: number[]): string {
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      offset += text.length + 1;
    }
    return texts.join('\n');
  }

  /** Index of the comment holding `position` (binary search over start offsets). */
  private static owner(starts: readonly number[], position: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * Index of the latest comment before `index` that contains the quote: exact matches in
   * the authors' own words first, then anywhere (a quote of a quote), then tolerant
   * matches among the last FUZZY_WINDOW comments.
   */
  quotedBefore(index: number, quote: PreparedQuote): number | undefined {
    for (const [corpus, starts] of [
      [this.own, this.ownStarts],
      [this.full, this.fullStarts],
    ] as const) {
      const limit = (starts[index] ?? corpus.length + 1) - 1;
      const at = lastIndexOfWords(corpus, quote.norm, limit);
      if (at >= 0) return CommentCorpus.owner(starts, at);
    }
    for (const texts of [this.ownTexts, this.fullTexts]) {
      for (let i = index - 1; i >= Math.max(0, index - FUZZY_WINDOW); i--) {
        if (findNormRange(texts[i] ?? '', quote)) return i;
      }
    }
    return undefined;
  }
}
