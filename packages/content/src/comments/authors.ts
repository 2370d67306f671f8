import { normalizeWords } from '../text/search.js';
import { nameDistance, nameTokens, nameVariants } from './names.js';

/**
 * The commenters seen so far, most recent first, with their name variants computed once:
 * threading asks "who is this?" for every comment, so lookups must not re-normalise every
 * earlier name each time.
 */
export class AuthorDirectory {
  /** Author key → number of that author's latest comment; Map keeps insertion order. */
  private readonly latest = new Map<string, { authorName: string; number: number }>();
  private readonly variantCache = new Map<string, string[]>();

  static key(authorName: string): string {
    return nameTokens(authorName).join('');
  }

  add(number: number, authorName: string): void {
    const key = AuthorDirectory.key(authorName);
    this.latest.delete(key); // re-inserting moves the author to the most recent end
    this.latest.set(key, { authorName, number });
  }

  private variants(authorName: string, withHonorific: boolean): string[] {
    const cacheKey = `${withHonorific ? 1 : 0}:${authorName}`;
    let variants = this.variantCache.get(cacheKey);
    if (!variants) {
      variants = nameVariants(authorName, withHonorific);
      this.variantCache.set(cacheKey, variants);
    }
    return variants;
  }

  /**
   * The latest comment of the author whose name best matches `written` (closest first;
   * on ties the most recent author), excluding the author `self`.
   */
  match(written: string, withHonorific: boolean, self: string): { number: number; distance: number } | undefined {
    const key = normalizeWords(written).replace(/ /g, '');
    if (!key) return undefined;
    const selfKey = AuthorDirectory.key(self);
    let best: { number: number; distance: number } | undefined;
    const authors = [...this.latest.entries()];
    for (let i = authors.length - 1; i >= 0; i--) {
      const [authorKey, author] = authors[i] ?? ['', { authorName: '', number: 0 }];
      if (nameDistance(authorKey, selfKey) !== Number.POSITIVE_INFINITY) continue;
      for (const variant of this.variants(author.authorName, withHonorific)) {
        const distance = nameDistance(key, variant);
        if (distance < (best?.distance ?? Number.POSITIVE_INFINITY)) best = { number: author.number, distance };
      }
    }
    return best;
  }
}
