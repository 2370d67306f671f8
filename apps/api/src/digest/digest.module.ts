import { Module } from '@nestjs/common';
import { DigestBuilds } from './digest-builds.js';
import { DigestTrigger } from './digest-trigger.js';
import { DigestProcessor } from './digest.processor.js';
import { DigestResolver } from './digest.resolver.js';
import { DigestService } from './digest.service.js';

/** What readers are saying: the stored digest, read by anyone who may read the article. */
@Module({ providers: [DigestService, DigestBuilds, DigestResolver], exports: [DigestService] })
export class DigestModule {}

/** Worker side: rebuilds digests after their discussion changes. */
@Module({ imports: [DigestModule], providers: [DigestProcessor, DigestTrigger] })
export class DigestWorkerModule {}
