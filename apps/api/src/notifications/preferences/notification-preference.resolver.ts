import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { NotificationSettingsModel } from './notification-preference.model.js';
import { NotificationPreferenceService } from './notification-preference.service.js';
import { UpdateNotificationPreferencesInput } from './update-notification-preferences.input.js';

/** Signed-in users' own settings; suspended users too may turn mail off. */
@Resolver()
export class NotificationPreferenceResolver {
  constructor(private readonly service: NotificationPreferenceService) {}

  @Query(() => NotificationSettingsModel, { description: 'Your notification preferences and time zone.' })
  notificationSettings(@CurrentUser() viewer: Viewer): Promise<NotificationSettingsModel> {
    return this.service.get(viewer.id, viewer.role);
  }

  @Mutation(() => NotificationSettingsModel, {
    description: 'Saves the given kinds’ preferences and, if given, your time zone.',
  })
  updateNotificationPreferences(
    @Args('input') input: UpdateNotificationPreferencesInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<NotificationSettingsModel> {
    return this.service.update(viewer.id, viewer.role, input);
  }
}
