import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ClaimImportedAuthorsInput } from './dto/claim-imported-authors.input.js';
import { ImportedAuthorClaimService } from './imported-author-claim.service.js';
import { ImportedAuthorModel } from './imported-author.model.js';

@Resolver(() => ImportedAuthorModel)
export class ImportedAuthorResolver {
  constructor(private readonly claims: ImportedAuthorClaimService) {}

  @Query(() => [ImportedAuthorModel], {
    description:
      "Imported commenters (WordPress, Disqus) who signed with the signed-in user's verified address and are not claimed yet. " +
      'EMAIL_NOT_VERIFIED until the address is verified.',
  })
  claimableImportedAuthors(@CurrentUser() viewer: Viewer): Promise<ImportedAuthorModel[]> {
    return this.claims.claimable(viewer);
  }

  @Writes()
  @Mutation(() => [ImportedAuthorModel], {
    description:
      "Claims imported authors with the signed-in user's verified address: their comments show the user as author.",
  })
  claimImportedAuthors(
    @Args('input') input: ClaimImportedAuthorsInput,
    @CurrentUser() viewer: Viewer,
  ): Promise<ImportedAuthorModel[]> {
    return this.claims.claim(input, viewer);
  }
}
