import { CodePointIndex } from './codepoints.js';
import { normalizeWhitespace, type NormalizedText } from './whitespace.js';

/**
 * A text plus the derived structures anchoring needs (offset index, lazily a
 * whitespace-normalised copy). Building them is O(n), so callers anchoring
 * many quotes against one revision should prepare it once and pass it in.
 */
export class PreparedText {
  readonly text: string;
  readonly index: CodePointIndex;
  private normalizedCache: NormalizedText | undefined;

  constructor(text: string) {
    this.text = text;
    this.index = new CodePointIndex(text);
  }

  /** Code point length of the text. */
  get length(): number {
    return this.index.length;
  }

  /** Whitespace-collapsed view, built on first use. */
  get normalized(): NormalizedText {
    this.normalizedCache ??= normalizeWhitespace(this.text);
    return this.normalizedCache;
  }
}

// Small cache so that plain-string callers looping over anchor()/describe()
// on the same revision do not rebuild the index each time. Two slots cover
// the common old/new revision pair.
const recent: PreparedText[] = [];
const CACHE_SLOTS = 2;

export type TextInput = string | PreparedText;

export function prepareText(input: TextInput): PreparedText {
  if (input instanceof PreparedText) return input;
  if (typeof input !== 'string') {
    throw new TypeError('text must be a string');
  }
  for (const p of recent) {
    if (p.text === input) return p;
  }
  const prepared = new PreparedText(input);
  recent.unshift(prepared);
  if (recent.length > CACHE_SLOTS) recent.pop();
  return prepared;
}
