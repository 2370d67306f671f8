import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { MuteUserArgs } from './dto/mute.inputs.js';
import { UserModel } from './models/user.model.js';
import { MuteService } from './mute.service.js';

@Resolver()
export class MuteResolver {
  constructor(private readonly mutes: MuteService) {}

  @Query(() => [UserModel], { description: 'The people the viewer muted, most recent first.' })
  mutedUsers(@CurrentUser() viewer: Viewer): Promise<UserModel[]> {
    return this.mutes.list(viewer);
  }

  @Writes()
  @Mutation(() => [UserModel], {
    description: 'Hides this person’s comments (collapsed) and notifications from the viewer; returns the list.',
  })
  muteUser(@Args() { userId }: MuteUserArgs, @CurrentUser() viewer: Viewer): Promise<UserModel[]> {
    return this.mutes.mute(userId, viewer);
  }

  @Writes()
  @Mutation(() => [UserModel], { description: 'Shows this person again; returns the list.' })
  unmuteUser(@Args() { userId }: MuteUserArgs, @CurrentUser() viewer: Viewer): Promise<UserModel[]> {
    return this.mutes.unmute(userId, viewer);
  }
}
