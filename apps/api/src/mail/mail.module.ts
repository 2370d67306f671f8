import { Module } from '@nestjs/common';
import { MailRenderer } from './mail-renderer.js';
import { MailTransport } from './mail-transport.js';
import { MailService } from './mail.service.js';
import { MailProcessor } from './mail.processor.js';
import { OutgoingMailResolver } from './outgoing-mail.resolver.js';
import { OutgoingMailService } from './outgoing-mail.service.js';

/** Queuing mail (MailService, in both processes) and Admin → Outgoing mail. */
@Module({
  providers: [MailRenderer, MailService, OutgoingMailService, OutgoingMailResolver],
  exports: [MailService],
})
export class MailModule {}

/** Worker side: the mail server connection and the `send-mail` job. */
@Module({ imports: [MailModule], providers: [MailTransport, MailProcessor] })
export class MailWorkerModule {}
