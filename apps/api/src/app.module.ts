import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccountsModule } from './accounts/accounts.module.js';
import { AnchoringModule } from './anchoring/anchoring.module.js';
import { ArticleModule } from './articles/article.module.js';
import { CommentModule } from './comments/comment.module.js';
import { DigestModule } from './digest/digest.module.js';
import { OutboxModule } from './infra/outbox/outbox.module.js';
import { RealtimeRelay } from './realtime/realtime-relay.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { AppAuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportModule } from './imports/import.module.js';
import { ImportedAuthorsModule } from './imported-authors/imported-authors.module.js';
import { WebAnnotationsModule } from './web-annotations/web-annotations.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { FlagModule } from './flags/flag.module.js';
import { MailModule } from './mail/mail.module.js';
import { NotificationModule } from './notifications/notification.module.js';
import { UserModule } from './users/user.module.js';
import { SiteModule } from './sites/site.module.js';
import { StancesModule } from './stances/stances.module.js';
import { ProfileModule } from './profiles/profile.module.js';
import { AppConfigModule } from './infra/config/config.module.js';
import { AppExceptionFilter } from './infra/errors/graphql-exception.filter.js';
import { AppGraphQLModule } from './infra/graphql/graphql.module.js';
import { AppLoggerModule } from './infra/logging.module.js';
import { PrismaModule } from './infra/prisma/prisma.module.js';
import { ReadYourWritesInterceptor } from './infra/prisma/read-your-writes.interceptor.js';
import { QueueModule } from './infra/queue/queue.module.js';
import { RedisModule } from './infra/redis/redis.module.js';

/** Modules shared by both processes. */
export const CORE_IMPORTS = [AppConfigModule, AppLoggerModule, PrismaModule, RedisModule, RealtimeModule];

/**
 * The HTTP API: GraphQL, health, and (optionally) the built web client. The feature index:
 * every domain module is listed here.
 */
@Module({
  imports: [
    ...CORE_IMPORTS,
    QueueModule.forRoot({ withWorkers: false }),
    OutboxModule,
    AppGraphQLModule,
    AuthModule,
    AccountsModule,
    UserModule,
    ProfileModule,
    ArticleModule,
    CommentModule,
    DigestModule,
    StancesModule,
    AnchoringModule,
    ImportModule,
    ImportedAuthorsModule,
    SiteModule,
    WebAnnotationsModule,
    ModerationModule,
    FlagModule,
    NotificationModule,
    MailModule,
    HealthModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AppAuthGuard },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
    RealtimeRelay,
  ],
})
export class AppModule {}
