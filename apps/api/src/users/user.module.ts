import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { MuteResolver } from './mute.resolver.js';
import { MuteService } from './mute.service.js';
import { ModeratedUserResolver } from './moderated-user.resolver.js';
import { SanctionExpiryProcessor } from './sanction-expiry.processor.js';
import { UserAdminResolver } from './user-admin.resolver.js';
import { UserAdminService } from './user-admin.service.js';
import { UserDirectoryResolver } from './user-directory.resolver.js';
import { UserDirectoryService } from './user-directory.service.js';
import { UserNoteResolver } from './user-note.resolver.js';
import { UserNotes } from './user-note.service.js';
import { UserResolver } from './user.resolver.js';

/**
 * API side: a user's private fields (email, status) for their owner and the staff; staff list
 * and view users, change their status, pre-moderation and role, and keep private notes on them;
 * readers mute one another.
 */
@Module({
  imports: [ModerationCoreModule],
  providers: [
    UserResolver,
    UserAdminService,
    UserAdminResolver,
    ModeratedUserResolver,
    UserDirectoryService,
    UserDirectoryResolver,
    UserNotes,
    UserNoteResolver,
    MuteService,
    MuteResolver,
  ],
})
export class UserModule {}

/** Worker side: timed sanctions end by themselves. */
@Module({ providers: [SanctionExpiryProcessor] })
export class UserWorkerModule {}
