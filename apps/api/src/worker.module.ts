import { Module } from '@nestjs/common';
import { ReanchorWorkerModule } from './anchoring/reanchor.module.js';
import { CORE_IMPORTS } from './app.module.js';
import { ArticleModule, ArticleWorkerModule } from './articles/article.module.js';
import { DigestWorkerModule } from './digest/digest.module.js';
import { ImportWorkerModule } from './imports/import.module.js';
import { OutboxRelay } from './infra/outbox/outbox-relay.js';
import { OutboxModule } from './infra/outbox/outbox.module.js';
import { QueueModule } from './infra/queue/queue.module.js';
import { FlagWorkerModule } from './flags/flag.module.js';
import { MailModule, MailWorkerModule } from './mail/mail.module.js';
import { ModerationWorkerModule } from './moderation/moderation.module.js';
import { UserWorkerModule } from './users/user.module.js';
import { NotificationWorkerModule } from './notifications/notification.module.js';

/** The worker: BullMQ processors (one worker module per domain that has jobs) and the outbox relay, no HTTP. */
@Module({
  imports: [
    ...CORE_IMPORTS,
    QueueModule.forRoot({ withWorkers: true }),
    OutboxModule,
    ArticleModule,
    ArticleWorkerModule,
    ImportWorkerModule,
    ModerationWorkerModule,
    FlagWorkerModule,
    UserWorkerModule,
    ReanchorWorkerModule,
    MailModule,
    MailWorkerModule,
    NotificationWorkerModule,
    DigestWorkerModule,
  ],
  providers: [OutboxRelay],
})
export class WorkerModule {}
