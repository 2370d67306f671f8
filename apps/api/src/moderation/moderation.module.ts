import { Module } from '@nestjs/common';
import { DiscussionSettingsService } from '../comments/discussion-settings.js';
import { ModerationActionsResolver } from './actions/moderation-actions.resolver.js';
import { ModerationActions } from './actions/moderation-actions.service.js';
import { AuditLogResolver } from './audit/audit-log.resolver.js';
import { AuditLog } from './audit/audit-log.service.js';
import { ModerationLogResolver } from './audit/moderation-log.resolver.js';
import { ModerationLog } from './audit/moderation-log.service.js';
import { ModerationEventsResolver } from './events/moderation-events.resolver.js';
import { PendingSweeper } from './maintenance/pending-sweeper.js';
import { RejectUserCommentsProcessor } from './maintenance/reject-user-comments.processor.js';
import { ModerationCoreModule } from './moderation-core.module.js';
import { QueueCountCompactor } from './events/queue-count-compactor.js';
import { ModerationProcessor } from './moderation.processor.js';
import { ModerationQueueResolver } from './queues/moderation-queue.resolver.js';
import { ModerationSettingsResolver } from './settings/settings.resolver.js';
import { HotSpotsResolver } from './hot-spots/hot-spots.resolver.js';
import { HotSpotsService } from './hot-spots/hot-spots.service.js';
import { CommentSearchResolver } from './search/comment-search.resolver.js';
import { CommentSearch } from './search/comment-search.service.js';

/** API side of moderation: queues, actions, settings, audit, live events. */
@Module({
  imports: [ModerationCoreModule],
  providers: [
    ModerationActions,
    ModerationLog,
    AuditLog,
    CommentSearch,
    HotSpotsService,
    // Stateless (a read of one row): the settings page edits this discussion setting too.
    DiscussionSettingsService,
    ModerationSettingsResolver,
    ModerationQueueResolver,
    ModerationActionsResolver,
    ModerationLogResolver,
    ModerationEventsResolver,
    CommentSearchResolver,
    HotSpotsResolver,
    AuditLogResolver,
  ],
})
export class ModerationModule {}

/** Worker side of moderation: the pipeline, ban clean-up, queue counts and the pending sweep. */
@Module({
  imports: [ModerationCoreModule],
  providers: [ModerationProcessor, RejectUserCommentsProcessor, QueueCountCompactor, PendingSweeper],
})
export class ModerationWorkerModule {}
