/**
 * Every rejection the content package makes carries a stable code so the API can map it
 * once at its edge (to a GraphQL error with `extensions.code`) instead of matching on
 * message text.
 */
export type ContentErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'NOTHING_READABLE'
  | 'INVALID_BUNDLE'
  /** A site export (WordPress WXR, Disqus) that is not well-formed XML or is cut short. */
  | 'INVALID_EXPORT';

export class ContentError extends Error {
  override readonly name = 'ContentError';

  constructor(
    readonly code: ContentErrorCode,
    message: string,
    /** Path of the offending field, e.g. `comments[3].postedAt` (bundle validation). */
    readonly field?: string,
  ) {
    super(message);
  }
}
