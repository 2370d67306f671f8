import type { Block } from '../blocks.js';

/**
 * The JSON bundle: one article (blocks, canonical offsets) and its comments, the format
 * Marginalia exports and re-imports. Documented in the package README.
 */
export const BUNDLE_FORMAT = 'marginalia.bundle';
export const BUNDLE_VERSION = 1;

export interface BundleAnchor {
  /** Code point offsets into the canonical text (blocks joined by "\n\n"). */
  start: number;
  end: number;
  /** Must equal the canonical text between start and end. */
  exact: string;
  /** If present, must be the text right before `start` (up to 64 code points). */
  prefix?: string;
  /** If present, must be the text right after `end` (up to 64 code points). */
  suffix?: string;
}

export interface BundleComment {
  number: number;
  authorName: string;
  postedAt: string;
  /** Markdown. */
  body: string;
  parentNumber?: number;
  anchor?: BundleAnchor;
}

export interface BundleArticle {
  slug?: string;
  title: string;
  author?: string;
  siteName?: string;
  sourceUrl?: string;
  publishedAt?: string;
  blocks: Block[];
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  article: BundleArticle;
  comments: BundleComment[];
}
