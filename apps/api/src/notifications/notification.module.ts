import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { MailModule } from '../mail/mail.module.js';
import { NotificationMailProcessor } from './mail/notification-mail.processor.js';
import { NotificationMailService } from './mail/notification-mail.service.js';
import { registerUnsubscribeRoutes } from './mail/unsubscribe.routes.js';
import { UnsubscribeService } from './mail/unsubscribe.service.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { DailyNotificationsProcessor } from './daily/daily-notifications.processor.js';
import { NotificationPreferenceResolver } from './preferences/notification-preference.resolver.js';
import { NotificationPreferenceService } from './preferences/notification-preference.service.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';

/** API side: the list, preferences, the live subscription, and the one-click unsubscribe routes. */
@Module({
  providers: [
    NotificationService,
    NotificationResolver,
    NotificationPreferenceService,
    NotificationPreferenceResolver,
    UnsubscribeService,
  ],
})
export class NotificationModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly unsubscribe: UnsubscribeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerUnsubscribeRoutes(fastify, this.unsubscribe, this.config.SITE_NAME);
  }
}

/** Worker side: notifications by mail, and the daily messages (queue summaries, digests). */
@Module({
  imports: [ModerationCoreModule, MailModule],
  providers: [UnsubscribeService, NotificationMailService, NotificationMailProcessor, DailyNotificationsProcessor],
})
export class NotificationWorkerModule {}
