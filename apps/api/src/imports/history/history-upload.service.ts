import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { DomainError, badInput } from '../../infra/errors/domain-error.js';
import { OutboxService } from '../../infra/outbox/outbox.service.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { RateLimiter } from '../../infra/redis/rate-limiter.js';
import { toImportJobModel } from '../import-job.view.js';
import type { ImportJobModel } from '../models/import-job.model.js';
import { sniffHistoryFile } from './history-import.runner.js';

/** What an `import-history` job reads from its ImportJob row. */
export interface HistoryJobInput {
  historyFile: string;
}

/** The directory uploads wait in for the worker. */
export function uploadDir(config: AppConfig): string {
  return config.IMPORT_UPLOAD_DIR || path.join(tmpdir(), 'marginalia-uploads');
}

/**
 * Accepts an admin's upload of a site history: streams it to disk (never into memory),
 * refuses it past the configured size or when it is not a WordPress or Disqus export, and
 * queues its import with the ImportJob row in one transaction (through the outbox).
 */
@Injectable()
export class HistoryUploadService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async accept(body: Readable, fileName: string, requestedById: string): Promise<ImportJobModel> {
    const limit = this.config.IMPORT_RATE_LIMIT;
    await this.limiter.consume('import', requestedById, limit, 60, `At most ${limit} imports a minute`);
    const dir = uploadDir(this.config);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${randomUUID()}.xml`);
    const max = this.config.IMPORT_UPLOAD_MAX_BYTES;
    let bytes = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > max) done(new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${max} bytes`, 'file'));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, cap, createWriteStream(file));
      if (bytes === 0) throw badInput('file', 'The file is empty');
      const format = await sniffHistoryFile(file);
      if (!format) throw badInput('file', 'The file is neither a WordPress WXR export nor a Disqus export');
      const input: HistoryJobInput = { historyFile: file };
      const { row, outboxId } = await this.prisma.$transaction(async (tx) => {
        const created = await tx.importJob.create({
          data: { requestedById, source: fileName.slice(0, 200) || 'upload', format, input: { ...input } },
        });
        return { row: created, outboxId: await this.outbox.record(tx, 'import-history', { importJobId: created.id }) };
      });
      await this.outbox.dispatch([outboxId]);
      return toImportJobModel({ ...row, article: null });
    } catch (error) {
      await rm(file, { force: true });
      if (error instanceof DomainError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as Error).name === 'AbortError')
        throw badInput('file', 'The upload was interrupted');
      throw error;
    }
  }
}
