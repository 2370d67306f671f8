import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/decorators.js';
import { ModerationLogEntryModel } from '../queues/queue.models.js';
import { assertOneSubject, ModerationLogArgs } from './moderation-log.args.js';
import { ModerationLog } from './moderation-log.service.js';

@Resolver()
export class ModerationLogResolver {
  constructor(private readonly log: ModerationLog) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => [ModerationLogEntryModel], { description: 'The audit trail of a comment, a user or an article.' })
  moderationLog(@Args() args: ModerationLogArgs): Promise<ModerationLogEntryModel[]> {
    assertOneSubject(args);
    return this.log.read(args);
  }
}
