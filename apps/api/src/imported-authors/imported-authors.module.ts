import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ImportedAuthorClaimService } from './imported-author-claim.service.js';
import { ImportedAuthorResolver } from './imported-author.resolver.js';

/** Commenters of imported site histories, and users claiming their comments. */
@Module({ imports: [AuthModule], providers: [ImportedAuthorClaimService, ImportedAuthorResolver] })
export class ImportedAuthorsModule {}
