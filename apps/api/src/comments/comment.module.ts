import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { ArticleEventsResolver } from './article-events.resolver.js';
import { DiscussionOverviewService } from './discussion-overview.service.js';
import { ArticleThreadsResolver, DiscussionQueryResolver } from './article-threads.resolver.js';
import { CommentEditService } from './comment-edit.service.js';
import { CommentHistoryResolver } from './comment-history.resolver.js';
import { CommentHistoryService } from './comment-history.service.js';
import { CommentResolver } from './comment.resolver.js';
import { CommentService } from './comment.service.js';
import { DiscussionQueryService } from './discussion-query.service.js';
import { DiscussionSettingsService } from './discussion-settings.js';
import { CommentModerationQueue } from './moderation-queue.js';
import { PlainFieldResolvers } from './plain-field-resolvers.js';
import { ReactionService } from './reaction.service.js';
import { ThreadReader } from './thread.reader.js';

@Module({
  imports: [AuthModule, ModerationCoreModule],
  providers: [
    CommentService,
    CommentEditService,
    CommentHistoryService,
    CommentHistoryResolver,
    ReactionService,
    CommentModerationQueue,
    DiscussionSettingsService,
    DiscussionQueryService,
    DiscussionOverviewService,
    ThreadReader,
    CommentResolver,
    ArticleThreadsResolver,
    DiscussionQueryResolver,
    ArticleEventsResolver,
    PlainFieldResolvers,
  ],
  exports: [ThreadReader, CommentService, CommentEditService, CommentModerationQueue, DiscussionSettingsService],
})
export class CommentModule {}
