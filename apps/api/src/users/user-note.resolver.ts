import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { AddUserNoteInput, UserNoteIdArgs, UserNotesArgs } from './dto/user-note.inputs.js';
import { UserNoteModel } from './models/user-note.model.js';
import { UserNotes } from './user-note.service.js';

@Resolver()
export class UserNoteResolver {
  constructor(private readonly notes: UserNotes) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => [UserNoteModel], { description: 'Moderators’ private notes on a user, newest first.' })
  userNotes(@Args() { userId }: UserNotesArgs): Promise<UserNoteModel[]> {
    return this.notes.list(userId);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => UserNoteModel, { description: 'Adds a private note on a user, for moderators only.' })
  addUserNote(@Args('input') input: AddUserNoteInput, @CurrentUser() viewer: Viewer): Promise<UserNoteModel> {
    return this.notes.add(input, viewer);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Writes()
  @Mutation(() => ID, { description: 'Deletes one of your own notes; returns its id.' })
  deleteUserNote(@Args() { noteId }: UserNoteIdArgs, @CurrentUser() viewer: Viewer): Promise<string> {
    return this.notes.delete(noteId, viewer);
  }
}
