import { Module } from '@nestjs/common';
import { NotificationPreferenceResolver } from './preferences/notification-preference.resolver.js';
import { NotificationPreferenceService } from './preferences/notification-preference.service.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';

@Module({
  providers: [NotificationService, NotificationResolver, NotificationPreferenceService, NotificationPreferenceResolver],
})
export class NotificationModule {}
