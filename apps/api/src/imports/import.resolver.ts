import { Args, Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, Roles, Writes } from '../auth/decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { ImportArticleInput } from './dto/import-article.input.js';
import { fromImportJobEvent, importTopic } from './import-job.view.js';
import { ImportService } from './import.service.js';
import { ImportJobModel } from './models/import-job.model.js';
import type { SubscriptionContext } from '../realtime/subscription-context.js';

@Roles('ADMIN')
@Resolver(() => ImportJobModel)
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Writes()
  @Mutation(() => ImportJobModel, {
    description: 'Queues an import; follow it with importJobUpdated(id) or by polling importJob(id).',
  })
  importArticle(@Args('input') input: ImportArticleInput, @CurrentUser() viewer: Viewer): Promise<ImportJobModel> {
    return this.imports.request(input, viewer.id);
  }

  @Query(() => ImportJobModel)
  importJob(@Args('id', { type: () => ID }) id: string): Promise<ImportJobModel> {
    return this.imports.get(id);
  }

  @Query(() => [ImportJobModel])
  importJobs(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
  ): Promise<ImportJobModel[]> {
    return this.imports.list(first ?? 50);
  }

  @Subscription(() => ImportJobModel, {
    description: 'Status and progress of one import as the worker moves through its steps.',
    resolve: fromImportJobEvent,
  })
  importJobUpdated(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterable<unknown>> {
    return context.pubsub.subscribe(importTopic(id));
  }
}
