import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { FlagProcessor } from './flag.processor.js';
import { FlagResolver } from './flag.resolver.js';
import { FlagService } from './flag.service.js';

/** API side: readers flag comments. */
@Module({ imports: [AuthModule, ModerationCoreModule], providers: [FlagService, FlagResolver] })
export class FlagModule {}

/** Worker side: the `evaluate-flags` job. */
@Module({ imports: [ModerationCoreModule], providers: [FlagProcessor] })
export class FlagWorkerModule {}
