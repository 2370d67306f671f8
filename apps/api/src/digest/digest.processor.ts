import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob } from '../infra/queue/job-handler.js';
import type { JobPayloads } from '../infra/queue/jobs.js';
import { DigestService } from './digest.service.js';

@Injectable()
export class DigestProcessor {
  private readonly logger = new Logger(DigestProcessor.name);

  constructor(private readonly digests: DigestService) {}

  @HandlesJob('build-digest')
  async build({ articleId }: JobPayloads['build-digest']): Promise<{ themes: number; comments: number }> {
    const started = Date.now();
    const digest = await this.digests.rebuild(articleId);
    this.logger.log(
      { articleId, themes: digest.themes.length, comments: digest.commentCount, ms: Date.now() - started },
      'digest rebuilt',
    );
    return { themes: digest.themes.length, comments: digest.commentCount };
  }
}
