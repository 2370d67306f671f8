import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { startDemoMailCatcher } from './demo-mail-catcher.js';

/**
 * The worker's connection to the mail server (SMTP_URL). In demo mode without SMTP_URL it
 * starts the demo catcher and sends there. A connection per message: mail is rare, and a
 * server that restarts costs no stale pooled connection.
 */
@Injectable()
export class MailTransport implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private transporter?: Transporter;
  private closeCatcher?: () => Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    let url = this.config.SMTP_URL;
    if (url === null) {
      // Outside demo mode the entry points refuse to start (infra/preflight.ts checkMailSettings).
      if (!this.config.DEMO_MODE) return;
      const catcher = await startDemoMailCatcher();
      this.closeCatcher = catcher.close;
      url = catcher.url;
      this.logger.log(`mail catcher listening on ${url} (messages are shown under Admin → Outgoing mail)`);
    }
    this.transporter = nodemailer.createTransport({
      url,
      // Well inside the send's transaction timeout (mail.processor.ts): a server that hangs is a failed attempt.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: SendMailOptions): Promise<{ messageId: string; response: string }> {
    if (!this.transporter) throw new Error('no mail server: SMTP_URL is not set');
    const info = (await this.transporter.sendMail(message)) as { messageId: string; response: string };
    return info;
  }

  async onApplicationShutdown(): Promise<void> {
    this.transporter?.close();
    await this.closeCatcher?.();
  }
}
