import type { SelectorInput } from '../api/types.ts';

/**
 * The selector sent with a new thread: position plus quote context from the shared
 * anchoring package, so the server can re-anchor it in later revisions exactly the way it
 * would have described it itself. Loaded on demand: only people who post need it.
 */
export async function buildSelector(text: string, start: number, end: number): Promise<SelectorInput> {
  const { describe } = await import('@marginalia/anchoring');
  const described = describe(text, start, end);
  return {
    start: described.position.start,
    end: described.position.end,
    exact: described.quote.exact,
    prefix: described.quote.prefix,
    suffix: described.quote.suffix,
  };
}
