import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { HandlesJob } from '../../infra/queue/job-handler.js';
import { JobQueue } from '../../infra/queue/job-queue.js';
import { JOBS } from '../../infra/queue/jobs.js';
import { ModerationCounts } from '../../moderation/events/moderation-counts.service.js';
import { EventBus, notificationTopic } from '../../realtime/event-bus.js';
import { DAILY_CHECK_MS } from './morning.js';
import { writeQueueSummaries } from './queue-summary.writer.js';

const JOB = 'daily-notifications';

/**
 * Daily messages, checked every quarter hour by a BullMQ job scheduler (one schedule however
 * many workers run: the scheduler's id is fixed): staff whose morning came get the queue summary.
 */
@Injectable()
export class DailyNotificationsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DailyNotificationsProcessor.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly counts: ModerationCounts,
    private readonly bus: EventBus,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { queue, options } = JOBS[JOB];
    await this.jobs
      .queue(queue)
      .upsertJobScheduler(JOB, { every: DAILY_CHECK_MS }, { name: JOB, data: {}, opts: options })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not schedule the daily notifications'));
  }

  @HandlesJob(JOB)
  async handle(): Promise<void> {
    await this.run(new Date());
  }

  /** What is due at `now`; returns how many notifications it wrote. */
  async run(now: Date): Promise<number> {
    const written = await writeQueueSummaries(this.prisma, await this.counts.get(), now);
    await Promise.all(
      written
        .filter((n) => n.inApp)
        .map((n) => this.bus.publish(notificationTopic(n.userId), n).catch(() => undefined)),
    );
    if (written.length > 0) this.logger.log({ count: written.length }, 'wrote queue summaries');
    return written.length;
  }
}
