import { Module } from '@nestjs/common';
import { ModerationSettingsService } from './moderation-settings.service.js';
import { ModerationProcessor } from './moderation.processor.js';

/** Worker side of moderation: the pipeline job. */
@Module({ providers: [ModerationSettingsService, ModerationProcessor] })
export class ModerationWorkerModule {}
