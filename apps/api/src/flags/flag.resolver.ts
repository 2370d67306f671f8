import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { FlagCommentInput } from './dto/flag-comment.input.js';
import { FlagService } from './flag.service.js';
import { FlagReceiptModel } from './models/flag-receipt.model.js';

@Resolver()
export class FlagResolver {
  constructor(private readonly flags: FlagService) {}

  @Writes()
  @Mutation(() => FlagReceiptModel, { description: 'Reports a published comment to the moderators.' })
  flagComment(@Args('input') input: FlagCommentInput, @CurrentUser() viewer: Viewer): Promise<FlagReceiptModel> {
    return this.flags.flag(input, viewer);
  }
}
