import { describe, sliceCodePoints } from '@marginalia/anchoring';
import { badInput } from '../infra/errors/domain-error.js';
import type { SelectorInput } from './dto/comment.inputs.js';
import type { StoredAnchorJson } from './thread.reader.js';

/**
 * The client's selector must describe the current revision exactly: the quote is checked
 * against the text at the given offsets, and the context is re-derived on the server.
 */
export function verifiedAnchor(
  revision: { id: string; canonicalText: string },
  selector: SelectorInput,
): StoredAnchorJson {
  const { start, end, exact } = selector;
  if (end <= start) throw badInput('selector.end', 'selector.end must be greater than selector.start');
  const actual = sliceCodePoints(revision.canonicalText, start, end);
  if (actual !== exact) {
    throw badInput(
      'selector.exact',
      'The selected passage does not match the current text of the article; reload and select again',
    );
  }
  const described = describe(revision.canonicalText, start, end);
  return { revisionId: revision.id, position: described.position, quote: described.quote };
}
