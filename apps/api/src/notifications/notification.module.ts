import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { DailyNotificationsProcessor } from './daily/daily-notifications.processor.js';
import { NotificationPreferenceResolver } from './preferences/notification-preference.resolver.js';
import { NotificationPreferenceService } from './preferences/notification-preference.service.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';

@Module({
  providers: [NotificationService, NotificationResolver, NotificationPreferenceService, NotificationPreferenceResolver],
})
export class NotificationModule {}

/** Worker side: the daily messages (queue summaries). */
@Module({ imports: [ModerationCoreModule], providers: [DailyNotificationsProcessor] })
export class NotificationWorkerModule {}
