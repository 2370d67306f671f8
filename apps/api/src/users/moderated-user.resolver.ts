import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import { isStaff, type Viewer } from '../auth/viewer.js';
import { ModeratedUserModel } from './models/moderated-user.model.js';
import { UserNoteModel } from './models/user-note.model.js';
import { UserNotes } from './user-note.service.js';

@Resolver(() => ModeratedUserModel)
export class ModeratedUserResolver {
  constructor(private readonly userNotes: UserNotes) {}

  /** The same rule as User.email: moderators work without readers' addresses; admins may need them. */
  @ResolveField('email', () => String, { nullable: true })
  email(@Parent() user: ModeratedUserModel, @CurrentUser() viewer: Viewer | null): string | null {
    if (viewer && (viewer.id === user.id || viewer.role === 'ADMIN')) return user.email ?? null;
    return null;
  }

  /** Notes are the staff's own: never shown to the user or other readers, wherever the type is reached. */
  @ResolveField('notes', () => [UserNoteModel])
  async notes(@Parent() user: ModeratedUserModel, @CurrentUser() viewer: Viewer | null): Promise<UserNoteModel[]> {
    if (!isStaff(viewer)) return [];
    return user.notes ?? this.userNotes.latest(user.id);
  }

  @ResolveField('noteCount', () => Int)
  noteCount(@Parent() user: ModeratedUserModel, @CurrentUser() viewer: Viewer | null): number {
    return isStaff(viewer) ? user.noteCount : 0;
  }
}
