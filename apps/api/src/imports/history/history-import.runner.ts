import { Injectable, Logger } from '@nestjs/common';
import { ContentError, detectHistoryFormat, type HistoryFormat } from '@marginalia/content';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { DisqusImporter } from './disqus.importer.js';
import { HistoryProgress, type HistoryStep } from './history-progress.js';
import type { HistorySummary } from './history-summary.js';
import { WxrImporter } from './wxr.importer.js';

const SNIFF_BYTES = 64 * 1024;
/** Bytes read from the file at a time: the parser's memory is one chunk plus one record. */
const CHUNK_BYTES = 256 * 1024;

/** The site export a file holds (WordPress WXR or Disqus), from its first bytes; undefined otherwise. */
export async function sniffHistoryFile(path: string): Promise<HistoryFormat | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectHistoryFormat(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/**
 * Imports a site's history (a WordPress WXR or Disqus export) from a file, streaming it:
 * the format is detected from the content, never the file's name.
 */
@Injectable()
export class HistoryImportRunner {
  private readonly logger = new Logger(HistoryImportRunner.name);

  constructor(
    private readonly wxr: WxrImporter,
    private readonly disqus: DisqusImporter,
  ) {}

  async run(
    path: string,
    onProgress: (percent: number, step: HistoryStep) => Promise<void> = async () => undefined,
  ): Promise<HistorySummary> {
    const format = await sniffHistoryFile(path);
    if (!format) {
      throw new ContentError('UNSUPPORTED_FORMAT', 'The file is neither a WordPress WXR export nor a Disqus export.');
    }
    const { size } = await stat(path);
    const progress = new HistoryProgress(size, onProgress);
    const source = createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>;
    const summary = format === 'wxr' ? await this.wxr.run(source, progress) : await this.disqus.run(source, progress);
    this.logger.log({ format, articles: summary.articles, created: summary.commentsCreated }, 'history imported');
    return summary;
  }
}
