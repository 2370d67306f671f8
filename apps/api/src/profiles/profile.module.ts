import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AccountDeletionResolver } from './account-deletion.resolver.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { DataExportResolver } from './data-export.resolver.js';
import { DataExportService } from './data-export.service.js';
import { ProfileResolver } from './profile.resolver.js';
import { ProfileService } from './profile.service.js';

/** A user's own account: their public profile, a copy of their data, deleting the account. */
@Module({
  imports: [AuthModule],
  providers: [
    ProfileService,
    ProfileResolver,
    DataExportService,
    DataExportResolver,
    AccountDeletionService,
    AccountDeletionResolver,
  ],
})
export class ProfileModule {}
