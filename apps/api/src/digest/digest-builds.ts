import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { buildDigest, type Digest, type DigestSource } from './digest-builder.js';
import type { BuildReply, BuildRequest } from './digest-thread.js';

interface Waiting {
  resolve: (digest: Digest) => void;
  reject: (error: Error) => void;
}

/**
 * Where digests are built: in a worker thread of their own (DIGEST_BUILD_THREAD, the default),
 * or on the calling thread, in slices (turns.ts). A digest of tens of thousands of comments
 * takes seconds of CPU; on the worker's own thread its slices delay every moderation job's
 * turns, on a thread of its own the operating system shares the cores between them.
 *
 * One thread, started at the first build and kept: it holds the language model (tens of
 * megabytes, loaded once). Builds asked while it is busy wait in its message queue. If the
 * thread dies, the builds it had fail with the reason, and the next build starts a new one.
 */
@Injectable()
export class DigestBuilds implements OnModuleDestroy {
  private readonly logger = new Logger(DigestBuilds.name);
  private thread: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  build(sources: DigestSource[]): Promise<Digest> {
    if (!this.config.DIGEST_BUILD_THREAD) return buildDigest(sources);
    const thread = this.thread ?? this.start();
    const id = ++this.lastId;
    const built = new Promise<Digest>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // A thread with builds under way keeps the process alive; an idle one does not.
    thread.ref();
    thread.postMessage({ id, sources } satisfies BuildRequest);
    return built;
  }

  async onModuleDestroy(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    this.lost(thread, new Error('the process is shutting down'));
    await thread.terminate();
  }

  private start(): Worker {
    // Beside this module: digest-thread.js when built, digest-thread.ts when run from the sources.
    const extension = path.extname(fileURLToPath(import.meta.url));
    const thread = new Worker(new URL(`./digest-thread${extension}`, import.meta.url), { name: 'digest' });
    thread.on('message', (reply: BuildReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`digest build failed: ${reply.error}`));
      else waiting?.resolve(reply.digest);
      if (this.waiting.size === 0) thread.unref();
    });
    thread.on('error', (error) => this.lost(thread, error));
    thread.on('exit', (code) => this.lost(thread, new Error(`the digest thread exited with code ${code}`)));
    this.thread = thread;
    this.logger.log({ threadId: thread.threadId }, 'digest thread started');
    return thread;
  }

  /** The thread died: its builds fail, and the next build starts a new thread. */
  private lost(thread: Worker, error: Error): void {
    if (this.thread !== thread) return;
    this.thread = null;
    if (this.waiting.size > 0) this.logger.error({ err: error, builds: this.waiting.size }, 'digest thread lost');
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
