import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { subscribeLive } from '../api/live.ts';
import {
  IMPORT_JOB_QUERY,
  IMPORT_JOB_SUBSCRIPTION,
  type ImportJobResult,
  type ImportJobUpdatedResult,
} from '../api/queries.ts';
import type { ImportJob } from '../api/types.ts';
import { isFinished } from './importSource.ts';

/** Polling is the safety net under the live updates (a dropped socket, a missed event). */
const POLL_MS = 1500;

/**
 * Follows an import job until it finishes, starting from the state the mutation returned:
 * live through `importJobUpdated`, with a slow poll of `importJob` in case the socket drops.
 */
export function useImportJob(initial: ImportJob | null): { job: ImportJob | null; error: unknown } {
  const [job, setJob] = useState<ImportJob | null>(initial);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setJob(initial);
    setError(null);
    if (!initial || isFinished(initial)) return;
    let stopped = false;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    // Updates can arrive from both sources; never step back to an older state.
    const accept = (next: ImportJob) => {
      if (stopped) return;
      setJob((prev) =>
        prev && prev.id === next.id && Date.parse(prev.updatedAt) > Date.parse(next.updatedAt) ? prev : next,
      );
      if (isFinished(next)) {
        done = true;
        clearTimeout(timer);
        unsubscribe();
      }
    };
    const unsubscribe = subscribeLive<ImportJobUpdatedResult>(
      IMPORT_JOB_SUBSCRIPTION,
      { id: initial.id },
      { next: ({ importJobUpdated }) => accept(importJobUpdated) },
    );
    const poll = () => {
      api.request<ImportJobResult>(IMPORT_JOB_QUERY, { id: initial.id }).then(
        ({ importJob }) => {
          failures = 0;
          accept(importJob);
          if (!done && !stopped) timer = setTimeout(poll, POLL_MS);
        },
        (caught: unknown) => {
          if (stopped) return;
          // A blip should not end the progress view; give up after several in a row.
          if (++failures >= 5) setError(caught);
          else timer = setTimeout(poll, POLL_MS * 2 ** failures);
        },
      );
    };
    timer = setTimeout(poll, 400);
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [initial]);

  return { job, error };
}
