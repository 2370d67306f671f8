import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/decorators.js';
import { ModerationCounts } from '../events/moderation-counts.service.js';
import { ModerationQueueReader } from './moderation-queue.reader.js';
import { ModerationCountsArgs, ModerationQueueArgs } from './queue.args.js';
import { ModerationCountsModel, ModerationQueuePageModel, toCountsModel } from './queue.models.js';

@Resolver()
export class ModerationQueueResolver {
  constructor(
    private readonly reader: ModerationQueueReader,
    private readonly counts: ModerationCounts,
  ) {}

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => ModerationQueuePageModel, { description: 'A page of a moderation queue (keyset pagination).' })
  moderationQueue(@Args() args: ModerationQueueArgs): Promise<ModerationQueuePageModel> {
    return this.reader.page(args);
  }

  @Roles('MODERATOR', 'ADMIN')
  @Query(() => ModerationCountsModel, { description: 'Comments in each queue, site-wide or on one article.' })
  async moderationCounts(@Args() { articleId }: ModerationCountsArgs): Promise<ModerationCountsModel> {
    return toCountsModel(await this.counts.get(articleId ?? null));
  }
}
