import { Module } from '@nestjs/common';
import { CORE_IMPORTS } from './app.module.js';
import { ArticleModule } from './articles/article.module.js';
import { ImportWorkerModule } from './imports/import.module.js';
import { QueueModule } from './infra/queue/queue.module.js';

/** The worker: BullMQ processors and the outbox relay, no HTTP. */
@Module({ imports: [...CORE_IMPORTS, QueueModule.forRoot({ withWorkers: true }), ArticleModule, ImportWorkerModule] })
export class WorkerModule {}
