import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { HandlesJob } from '../../infra/queue/job-handler.js';
import { JobQueue } from '../../infra/queue/job-queue.js';
import { JOBS } from '../../infra/queue/jobs.js';
import { ModerationCounts } from '../../moderation/events/moderation-counts.service.js';
import { EventBus, notificationTopic } from '../../realtime/event-bus.js';
import { NotificationMailService } from '../mail/notification-mail.service.js';
import { DAILY_CHECK_CRON } from './morning.js';
import { writeQueueSummaries } from './queue-summary.writer.js';

const JOB = 'daily-notifications';

/**
 * Daily messages, checked on the quarter hour by a BullMQ job scheduler (one schedule however
 * many workers run: the scheduler's id is fixed): staff whose morning came get the queue summary,
 * then everyone whose morning came and who has notifications waiting gets their digest.
 */
@Injectable()
export class DailyNotificationsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DailyNotificationsProcessor.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly counts: ModerationCounts,
    private readonly bus: EventBus,
    private readonly jobs: JobQueue,
    private readonly mail: NotificationMailService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { queue, options } = JOBS[JOB];
    await this.jobs
      .queue(queue)
      .upsertJobScheduler(JOB, { pattern: DAILY_CHECK_CRON }, { name: JOB, data: {}, opts: options })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not schedule the daily notifications'));
  }

  @HandlesJob(JOB)
  async handle(): Promise<void> {
    await this.run(new Date());
  }

  /** What is due at `now`: queue summaries first, so that today's digest carries them. */
  async run(now: Date): Promise<{ summaries: number; digests: number }> {
    // An immediate queue summary's mail job is left to the outbox relay (this runs in the worker).
    const { notified } = await writeQueueSummaries(this.prisma, await this.counts.get(), now);
    await Promise.all(
      notified
        .filter((n) => n.inApp)
        .map((n) => this.bus.publish(notificationTopic(n.userId), n).catch(() => undefined)),
    );
    const digests = await this.mail.sendDigests(now);
    if (notified.length + digests > 0) {
      this.logger.log({ summaries: notified.length, digests }, 'daily notifications');
    }
    return { summaries: notified.length, digests };
  }
}
