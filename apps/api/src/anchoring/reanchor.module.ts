import { Module } from '@nestjs/common';
import { ReanchorProcessor } from './reanchor.processor.js';
import { ReanchorService } from './reanchor.service.js';

/** Enqueueing re-anchoring jobs; import it wherever revisions are stored. */
@Module({ providers: [ReanchorService], exports: [ReanchorService] })
export class ReanchorModule {}

/** Worker side: the `reanchor-article` job handler. */
@Module({ providers: [ReanchorProcessor] })
export class ReanchorWorkerModule {}
