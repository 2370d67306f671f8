import { Module } from '@nestjs/common';
import { CommentDecisions } from './decisions/comment-decisions.service.js';
import { ModerationCounts } from './events/moderation-counts.service.js';
import { ModerationEventsPublisher } from './events/moderation-events.publisher.js';
import { ModerationSettingsService } from './moderation-settings.service.js';
import { ModerationQueueReader } from './queues/moderation-queue.reader.js';

/** What both processes share: settings, the one way to change a comment's status, counts and events. */
@Module({
  providers: [
    ModerationSettingsService,
    CommentDecisions,
    ModerationCounts,
    ModerationEventsPublisher,
    ModerationQueueReader,
  ],
  exports: [
    ModerationSettingsService,
    CommentDecisions,
    ModerationCounts,
    ModerationEventsPublisher,
    ModerationQueueReader,
  ],
})
export class ModerationCoreModule {}
