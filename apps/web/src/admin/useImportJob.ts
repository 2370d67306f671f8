import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { IMPORT_JOB_QUERY, type ImportJobResult } from '../api/queries.ts';
import type { ImportJob } from '../api/types.ts';
import { isFinished } from './importSource.ts';

const POLL_MS = 400;

/** Follows an import job until it finishes, starting from the state the mutation returned. */
export function useImportJob(initial: ImportJob | null): { job: ImportJob | null; error: unknown } {
  const [job, setJob] = useState<ImportJob | null>(initial);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setJob(initial);
    setError(null);
    if (!initial || isFinished(initial)) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = () => {
      api.request<ImportJobResult>(IMPORT_JOB_QUERY, { id: initial.id }).then(
        ({ importJob }) => {
          if (stopped) return;
          failures = 0;
          setJob(importJob);
          if (!isFinished(importJob)) timer = setTimeout(poll, POLL_MS);
        },
        (caught: unknown) => {
          if (stopped) return;
          // A blip should not end the progress view; give up after several in a row.
          if (++failures >= 5) setError(caught);
          else timer = setTimeout(poll, POLL_MS * 2 ** failures);
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [initial]);

  return { job, error };
}
