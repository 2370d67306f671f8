import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ProfileCommentsArgs } from './dto/profile-comments.args.js';
import { ProfileArgs } from './dto/profile.args.js';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { ProfileCommentConnectionModel, ProfileModel } from './models/profile.model.js';
import { ProfileService } from './profile.service.js';

@Resolver(() => ProfileModel)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Public()
  @Query(() => ProfileModel, { description: 'A public profile by handle (any case); NOT_FOUND for deleted accounts.' })
  user(@Args() { handle }: ProfileArgs, @CurrentUser() viewer: Viewer | null): Promise<ProfileModel> {
    return this.profiles.byHandle(handle, viewer);
  }

  @Writes()
  @Mutation(() => ProfileModel, { description: "Changes the signed-in user's display name and bio." })
  updateProfile(@Args('input') input: UpdateProfileInput, @CurrentUser() viewer: Viewer): Promise<ProfileModel> {
    return this.profiles.update(input, viewer);
  }

  @Public()
  @ResolveField('comments', () => ProfileCommentConnectionModel, {
    description: 'Their published comments, newest first.',
  })
  comments(@Parent() profile: ProfileModel, @Args() args: ProfileCommentsArgs): Promise<ProfileCommentConnectionModel> {
    return this.profiles.comments(profile.id, args);
  }
}
