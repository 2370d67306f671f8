import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../../auth/decorators.js';
import type { Viewer } from '../../auth/viewer.js';
import { DiscussionSettingsService } from '../../comments/discussion-settings.js';
import { ModerationSettingsService } from '../moderation-settings.service.js';
import type { ModerationSettings } from '../pipeline/index.js';
import { ModerationSettingsModel, UpdateModerationSettingsInput } from './settings.types.js';

@Resolver(() => ModerationSettingsModel)
export class ModerationSettingsResolver {
  constructor(
    private readonly settings: ModerationSettingsService,
    private readonly discussion: DiscussionSettingsService,
  ) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => ModerationSettingsModel)
  moderationSettings(): Promise<ModerationSettings> {
    return this.settings.get();
  }

  @Roles('ADMIN')
  @Writes()
  @Mutation(() => ModerationSettingsModel, { description: 'Takes effect for the next comment moderated.' })
  async updateModerationSettings(
    @Args('input') input: UpdateModerationSettingsInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<ModerationSettings> {
    // Kept with the discussion settings: it is checked when a comment is posted, not by the pipeline.
    const { requireVerifiedEmailToComment, ...pipeline } = input;
    if (requireVerifiedEmailToComment !== undefined && requireVerifiedEmailToComment !== null) {
      await this.discussion.setRequireVerifiedEmailToComment(requireVerifiedEmailToComment, viewer.id);
    }
    return this.settings.update({ ...pipeline }, viewer.id);
  }

  @ResolveField('requireVerifiedEmailToComment', () => Boolean, {
    description:
      'Whether comments by authors whose address is not verified are refused (default: yes, except in demo mode).',
  })
  requireVerifiedEmailToComment(): Promise<boolean> {
    return this.discussion.requireVerifiedEmailToComment();
  }
}
