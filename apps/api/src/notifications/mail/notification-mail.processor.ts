import { Injectable } from '@nestjs/common';
import { HandlesJob } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { NotificationMailService } from './notification-mail.service.js';

/** The `notification-mail` job: a notification its recipient wants by mail at once. */
@Injectable()
export class NotificationMailProcessor {
  constructor(private readonly mail: NotificationMailService) {}

  @HandlesJob('notification-mail')
  async send({ notificationId }: JobPayloads['notification-mail']): Promise<void> {
    await this.mail.sendImmediate(notificationId);
  }
}
