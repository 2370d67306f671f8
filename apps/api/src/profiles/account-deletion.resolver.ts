import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { DeleteAccountInput } from './dto/delete-account.input.js';

@Resolver()
export class AccountDeletionResolver {
  constructor(private readonly deletion: AccountDeletionService) {}

  /** Not @Writes: a suspended user may still leave. */
  @Mutation(() => Boolean, {
    description:
      "Deletes the signed-in user's account for good (personal data erased, every session ended); " +
      'their comments stay signed "a deleted user" or are removed.',
  })
  async deleteAccount(@Args('input') input: DeleteAccountInput, @CurrentUser() viewer: Viewer): Promise<boolean> {
    await this.deletion.delete(input, viewer);
    return true;
  }
}
