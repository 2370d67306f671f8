import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles, Writes } from '../auth/decorators.js';
import { OutgoingMailArgs, RetryMailArgs } from './dto/outgoing-mail.args.js';
import { OutgoingMailConnectionModel, OutgoingMailModel } from './models/outgoing-mail.model.js';
import { OutgoingMailService } from './outgoing-mail.service.js';

@Roles('ADMIN')
@Resolver(() => OutgoingMailModel)
export class OutgoingMailResolver {
  constructor(private readonly outgoing: OutgoingMailService) {}

  @Query(() => OutgoingMailConnectionModel, {
    description: 'Every message Marginalia sent or is sending, newest first (admins only).',
  })
  outgoingMail(@Args() args: OutgoingMailArgs): Promise<OutgoingMailConnectionModel> {
    return this.outgoing.list(args);
  }

  @Writes()
  @Mutation(() => OutgoingMailModel, { description: 'Sends a FAILED message again.' })
  retryMail(@Args() { id }: RetryMailArgs): Promise<OutgoingMailModel> {
    return this.outgoing.retry(id);
  }
}
