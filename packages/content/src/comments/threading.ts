import { describeAnchor } from '../anchors.js';
import type { CommentAnchor } from '../types.js';
import { CodePointIndex } from '@marginalia/anchoring/codepoints';
import { findPassage, prepareQuote, toSearchText, type PreparedQuote, type SearchText } from '../text/search.js';
import { AuthorDirectory } from './authors.js';
import { CommentCorpus } from './corpus.js';
import { sameName } from './names.js';
import { extractQuotes, stripQuoteMarks } from './quotes.js';
import { findAddressee } from './salutation.js';

/**
 * Decides where each imported comment belongs:
 *
 * 1. it quotes an earlier comment → reply to that comment;
 * 2. it addresses an earlier commenter by name → reply to that person's latest comment;
 * 3. it quotes the article → a thread anchored on the quoted passage;
 * 4. it comes right after a reply to its own author, with no other signal → that author
 *    answering back (a rejoinder), so a reply to that reply;
 * 5. otherwise a page-level comment.
 *
 * Replies win over anchors: a comment addressed to someone belongs in their thread even
 * when it also cites the article.
 */

export interface ThreadInput {
  number: number;
  authorName: string;
  /** Plain body, paragraphs separated by blank lines. */
  body: string;
}

export interface ThreadLink {
  parentNumber?: number;
  anchor?: CommentAnchor;
  quote?: string;
}

/** Fewer words than this is a scare quote ("reset"), not a citation. */
export const MIN_QUOTE_WORDS = 5;
/** Quotes examined per comment; more is copy-paste noise, not citation. */
const MAX_QUOTES = 20;

function anchorFor(
  articleText: string,
  article: SearchText,
  quote: string,
  prepared: PreparedQuote,
): CommentAnchor | undefined {
  const found = findPassage(article, prepared, MIN_QUOTE_WORDS);
  if (!found) return undefined;
  let end = found.end;
  // Normalisation drops punctuation; keep the sentence's final mark when the quote had it.
  const finalMark = /[.!?]$/.exec(quote.replace(/[\s"“”„«»’']+$/, ''))?.[0];
  if (finalMark && articleText[end] === finalMark) end++;
  const offsets = new CodePointIndex(articleText);
  return describeAnchor(articleText, offsets.toCodePoint(found.start), offsets.toCodePoint(end));
}

/**
 * Anchors comments on one article: a comment whose text quotes a passage of the article
 * (a block quote or text between quote marks, five words or more) is anchored there.
 * The article's search text is prepared once for all its comments.
 */
export class QuoteAnchorer {
  private readonly search: SearchText;

  constructor(private readonly articleText: string) {
    this.search = toSearchText(articleText);
  }

  /** The anchor of the first quotation of `plainBody` found in the article, with that quotation. */
  anchor(plainBody: string): { anchor: CommentAnchor; quote: string } | undefined {
    for (const quote of extractQuotes(plainBody).slice(0, MAX_QUOTES).map(stripQuoteMarks)) {
      const prepared = prepareQuote(quote);
      if (prepared.words < MIN_QUOTE_WORDS) continue;
      const anchor = anchorFor(this.articleText, this.search, quote, prepared);
      if (anchor) return { anchor, quote };
    }
    return undefined;
  }
}

export function inferThreads(articleText: string, comments: readonly ThreadInput[]): ThreadLink[] {
  if (comments.length === 0) return [];
  const article = toSearchText(articleText);
  const corpus = new CommentCorpus(comments.map((comment) => comment.body));
  const authors = new AuthorDirectory();
  const byNumber = new Map(comments.map((comment) => [comment.number, comment]));
  const links: ThreadLink[] = [];

  comments.forEach((comment, i) => {
    let anchor: CommentAnchor | undefined;
    let anchorQuote: string | undefined;
    let quotedParent: number | undefined;
    let parentQuote: string | undefined;
    for (const quote of extractQuotes(comment.body).slice(0, MAX_QUOTES).map(stripQuoteMarks)) {
      const prepared = prepareQuote(quote);
      if (prepared.words < MIN_QUOTE_WORDS) continue;
      const found = anchor ? undefined : anchorFor(articleText, article, quote, prepared);
      if (found) {
        anchor = found;
        anchorQuote = quote;
        continue;
      }
      if (quotedParent === undefined) {
        const index = corpus.quotedBefore(i, prepared);
        if (index !== undefined) {
          quotedParent = comments[index]?.number;
          parentQuote = quote;
        }
      }
    }
    const parentNumber = quotedParent ?? findAddressee(comment.body, authors, comment.authorName);

    if (parentNumber !== undefined) {
      links.push({
        parentNumber,
        ...(parentQuote ? { quote: parentQuote } : anchorQuote ? { quote: anchorQuote } : {}),
      });
    } else if (anchor) {
      links.push({ anchor, quote: anchorQuote ?? anchor.exact });
    } else {
      const previous = comments[i - 1];
      const previousParent = links[i - 1]?.parentNumber;
      const repliedTo = previousParent === undefined ? undefined : byNumber.get(previousParent);
      const rejoinder = previous && repliedTo && sameName(repliedTo.authorName, comment.authorName);
      links.push(rejoinder ? { parentNumber: previous.number } : {});
    }
    authors.add(comment.number, comment.authorName);
  });
  return links;
}
