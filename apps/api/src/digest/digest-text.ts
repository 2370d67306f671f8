import { createRequire } from 'node:module';
import type { default as WinkNLP, ItemSentence } from 'wink-nlp';

/** One sentence of a comment, exactly as its reader wrote it. */
export interface Sentence {
  text: string;
  /** Content terms (lemmas of nouns, names and adjectives that are not stop words). */
  terms: string[];
  /** Worth quoting: the reader's own words (not a quotation of someone else), of a readable length. */
  quotable: boolean;
  question: boolean;
}

/** A comment read for the digest: its sentences and the content terms of all of them. */
export interface ReadComment {
  sentences: Sentence[];
  terms: string[];
  /** Each term as written (parallel to `terms`): labels show the form readers use ("DNC", not "dnc"). */
  forms: string[];
}

type Wink = ReturnType<typeof WinkNLP>;

interface Readers {
  /** Sentence boundaries and parts of speech (lemmas need them); no entities, negation or sentiment. */
  nlp: Wink;
  /** Tokenization alone: the bench's baseline. */
  tokenizer: Wink;
  its: Wink['its'];
  /** wink-nlp's typings give `its.lemma` a signature `out()` does not accept; it returns a string. */
  lemma: Wink['its']['normal'];
}

let readers: Readers | undefined;

/**
 * The English model takes a third of a second and tens of megabytes to load: it is loaded by
 * the first comment read, in the worker that builds digests, not by every process that
 * imports this module (the API, the CLI).
 */
function wink(): Readers {
  if (!readers) {
    const load = createRequire(import.meta.url);
    const winkNLP = load('wink-nlp') as typeof WinkNLP;
    const model = load('wink-eng-lite-web-model') as Parameters<typeof WinkNLP>[0];
    const nlp = winkNLP(model, ['sbd', 'pos']);
    readers = {
      nlp,
      tokenizer: winkNLP(model, []),
      its: nlp.its,
      lemma: nlp.its.lemma as unknown as Wink['its']['normal'],
    };
  }
  return readers;
}

/** Lines a reader quoted from someone else (Markdown blockquotes) are not their own words. */
const QUOTED_LINE = /^\s*(>|blockquote>)/;
/** A sentence that opens with a quotation mark quotes someone else (the article, another reader). */
const OPENING_QUOTE = /^["“‘«]/;
/** Themes are about things and their qualities: nouns, names and adjectives carry them. */
const TOPICAL = new Set(['NOUN', 'PROPN', 'ADJ']);
/** Markdown that would show as punctuation in a sentence quoted as plain text. */
const MARKUP = /\]\(|`|\*\*|https?:\/\//;
export const MIN_QUOTABLE_WORDS = 5;
export const MAX_QUOTABLE_WORDS = 45;

/**
 * Splits a comment's Markdown source into sentences (wink-nlp's sentence boundaries, each
 * line its own paragraph) and content terms. Every sentence's text is a verbatim substring of the source.
 */
export function readComment(source: string): ReadComment {
  const sentences: Sentence[] = [];
  const terms: string[] = [];
  const forms: string[] = [];
  // One document per comment: a blank line between its own lines is a sentence boundary.
  const own = ownParagraphs(source);
  if (own.length > 0) {
    const { nlp, its, lemma } = wink();
    const doc = nlp.readDoc(own.join('\n\n'));
    doc.sentences().each((s: ItemSentence) => {
      const text = s.out().trim();
      if (!text || !source.includes(text)) return;
      // Whole columns at once: an item object per token costs more than reading the sentence.
      const tokens = s.tokens();
      const types = tokens.out(its.type);
      const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
      const pos = tokens.out(its.pos);
      const lemmas = tokens.out(lemma);
      const written = tokens.out();
      const sentenceTerms: string[] = [];
      let words = 0;
      for (let i = 0; i < types.length; i++) {
        if (types[i] !== 'word') continue;
        words += 1;
        if (stop[i] || !TOPICAL.has(pos[i]!)) continue;
        const lemma = lemmas[i]!.toLowerCase();
        if (lemma.length < 3 || !/^[\p{L}][\p{L}'’-]*$/u.test(lemma)) continue;
        sentenceTerms.push(lemma);
        // Names keep their capitals; other words are lower-cased ("Spheres" opening a sentence).
        forms.push(pos[i] === 'PROPN' ? written[i]! : written[i]!.toLowerCase());
      }
      const quotation = OPENING_QUOTE.test(text);
      sentences.push({
        text,
        terms: sentenceTerms,
        quotable: !quotation && !MARKUP.test(text) && words >= MIN_QUOTABLE_WORDS && words <= MAX_QUOTABLE_WORDS,
        question: text.endsWith('?'),
      });
      terms.push(...sentenceTerms);
    });
  }
  return { sentences, terms, forms };
}

/**
 * The lines a reader wrote themselves (neither blank nor quoted), without a Markdown hard
 * break's trailing backslash. Imported comments keep their line breaks as hard breaks, so a
 * line is a paragraph.
 */
function ownParagraphs(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.replace(/\\$/, ''))
    .filter((line) => line.trim() && !QUOTED_LINE.test(line));
}

/** Plain tokenization of a text, the bench's baseline for what reading alone costs. */
export function tokenCount(source: string): number {
  return wink().tokenizer.readDoc(source).tokens().length();
}
