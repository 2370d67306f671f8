import { Injectable, Logger } from '@nestjs/common';
import { EventBus, MODERATION_TOPIC } from '../../realtime/event-bus.js';
import type { ModerationEvent } from './moderation-event.js';
import { ModerationCounts, type QueueCounts } from './moderation-counts.service.js';

export type ModerationChange = Omit<ModerationEvent, 'counts' | 'at'>;

/** Publishes queue changes on MODERATION_TOPIC (Redis pub/sub, so every API process relays them). */
@Injectable()
export class ModerationEventsPublisher {
  private readonly logger = new Logger(ModerationEventsPublisher.name);

  constructor(
    private readonly bus: EventBus,
    private readonly counts: ModerationCounts,
  ) {}

  /**
   * Best effort after commit: the change is stored either way; a lost event only delays a
   * screen. `known`: site-wide counts the caller read with its change (else they are read).
   */
  async publish(changes: ModerationChange[], known?: QueueCounts): Promise<void> {
    // A flag or an edit of a held comment changes what a moderator's card shows, not its queues.
    const relevant = changes.filter(
      (c) => c.entered.length > 0 || c.left.length > 0 || c.action === 'FLAG' || c.action === 'EDIT_WHILE_HELD',
    );
    if (relevant.length === 0) return;
    try {
      const counts = known ?? (await this.counts.get());
      const at = new Date().toISOString();
      await Promise.all(relevant.map((change) => this.bus.publish(MODERATION_TOPIC, { ...change, counts, at })));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not publish moderation events');
    }
  }
}
