import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';

/** A message the catcher accepted: parsed, with its SMTP envelope. */
export interface CaughtMail {
  mail: ParsedMail;
  to: string[];
  /** The text part. */
  text: string;
  html: string;
  subject: string;
}

/**
 * A real SMTP server on a free loopback port for the tests: collects the messages it accepts
 * (parsed by mailparser), and can refuse connections (`down()` … `up()`) or answer every
 * message with an error code (`answer(451)` … `answer(null)`) for a while.
 */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  /** Refusals by recipient address (lower-cased). */
  private readonly refusedByAddress = new Map<string, number>();
  private server?: SMTPServer;
  private errorCode: number | null = null;

  private constructor(readonly port: number) {}

  /** The SMTP_URL that reaches it. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<MailCatcher> {
    const catcher = new MailCatcher(await freePort());
    await catcher.up();
    return catcher;
  }

  /** Answers every message with this code (4xx: try later, 5xx: never) until `answer(null)`. */
  answer(code: number | null): void {
    this.errorCode = code;
  }

  /** Stops listening: connections are refused until `up()`. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens (again) on the same port. */
  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.errorCode !== null) {
            for (const rcpt of session.envelope.rcptTo) {
              const address = rcpt.address.toLowerCase();
              this.refusedByAddress.set(address, (this.refusedByAddress.get(address) ?? 0) + 1);
            }
            callback(Object.assign(new Error('refused by the test'), { responseCode: this.errorCode }));
            return;
          }
          void this.keep(Buffer.concat(chunks), session).then(() => callback(), callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    // A sender killed mid-message resets its socket: not the test's failure.
    server.on('error', () => undefined);
    this.server = server;
  }

  /** How many times a message to this address was refused with an error code. */
  refusedTo(address: string): number {
    return this.refusedByAddress.get(address.toLowerCase()) ?? 0;
  }

  /** Messages to this address. */
  to(address: string): CaughtMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits for the first message to this address whose subject contains `subject`. */
  async waitForSubject(address: string, subject: string, timeoutMs = 15_000): Promise<CaughtMail> {
    const find = (): CaughtMail | undefined => this.to(address).find((m) => m.subject.includes(subject));
    return eventually(find, {
      timeoutMs,
      what: () =>
        `a message "${subject}" to ${address} (have: ${this.to(address)
          .map((m) => m.subject)
          .join('; ')})`,
    });
  }

  /** Waits until `count` messages went to this address, and returns them. */
  async waitFor(address: string, count = 1, timeoutMs = 15_000): Promise<CaughtMail[]> {
    return eventually(() => this.to(address).length >= count && this.to(address), {
      timeoutMs,
      what: () => `${count} message(s) to ${address} (have ${this.to(address).length})`,
    });
  }

  /** The first link in a message's text part that starts with `prefix`. */
  static link(message: CaughtMail, prefix: string): string {
    const found = message.text.split(/\s+/).find((word) => word.startsWith(prefix));
    if (!found) throw new Error(`no link starting with ${prefix} in:\n${message.text}`);
    return found;
  }

  async close(): Promise<void> {
    await this.down();
  }

  private async keep(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const mail = await simpleParser(raw);
    this.messages.push({
      mail,
      to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      text: mail.text ?? '',
      html: typeof mail.html === 'string' ? mail.html : '',
      subject: mail.subject ?? '',
    });
  }
}
