// Test fixtures for the pipeline specs. Not exported from the index: production
// code builds contexts from real data.
import { DEFAULT_MODERATION_SETTINGS } from '../../src/moderation/pipeline/settings.js';
import type { PhaseContext, PipelineContext } from '../../src/moderation/pipeline/types.js';

/** Nested partial; arrays are replaced as a whole, never merged. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const BASE_CONTEXT: PipelineContext = {
  comment: { body: 'A thoughtful reply about the second paragraph of the article.', isEdit: false },
  author: {
    id: 'user-1',
    status: 'ACTIVE',
    premod: false,
    role: 'READER',
    publishedCount: 10,
    rejectedCount: 0,
    recentTotal: 10,
    recentRejected: 0,
    recentBodies: [],
  },
  article: { premod: false },
  settings: DEFAULT_MODERATION_SETTINGS,
};

/**
 * An ordinary reader's ordinary comment (which the pipeline publishes), with
 * `overrides` deep-merged in, plus an empty score accumulator so phases can be
 * called directly. Untouched parts of the settings keep their identity, so the
 * WeakMap caches behave as in production.
 */
export function makeContext(overrides: DeepPartial<PipelineContext> = {}): PhaseContext {
  return { ...merge<PipelineContext>(BASE_CONTEXT, overrides), scores: {} };
}

function merge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) result[key] = merge(base[key], value as DeepPartial<unknown>);
  }
  return result as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
