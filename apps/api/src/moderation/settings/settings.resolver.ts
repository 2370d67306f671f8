import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { ModerationSettingsService } from '../moderation-settings.service.js';
import type { ModerationSettings } from '../pipeline/index.js';
import { ModerationSettingsModel, UpdateModerationSettingsInput } from './settings.types.js';

@Resolver(() => ModerationSettingsModel)
export class ModerationSettingsResolver {
  constructor(private readonly settings: ModerationSettingsService) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => ModerationSettingsModel)
  moderationSettings(): Promise<ModerationSettings> {
    return this.settings.get();
  }

  @Roles('ADMIN')
  @Writes()
  @Mutation(() => ModerationSettingsModel, { description: 'Takes effect for the next comment moderated.' })
  updateModerationSettings(
    @Args('input') input: UpdateModerationSettingsInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<ModerationSettings> {
    return this.settings.update({ ...input }, viewer.id);
  }
}
