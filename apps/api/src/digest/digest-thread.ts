import { parentPort } from 'node:worker_threads';
import { buildDigest, type Digest, type DigestSource } from './digest-builder.js';
import { Turns } from './turns.js';

/** A build asked of the digest thread (DigestBuilds). */
export interface BuildRequest {
  id: number;
  sources: DigestSource[];
}

/** The thread's answer to the request of the same id. */
export type BuildReply = { id: number; digest: Digest } | { id: number; error: string };

/** Nothing else runs on this thread: a build never needs to let anything through. */
const NEVER = Number.POSITIVE_INFINITY;

// The entry of the worker thread that builds digests: it answers each request with the digest
// or the error, in the order the builds end.
const port = parentPort;
port?.on('message', (request: BuildRequest) => {
  buildDigest(request.sources, new Turns(NEVER)).then(
    (digest) => port.postMessage({ id: request.id, digest } satisfies BuildReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies BuildReply),
  );
});
