import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Largest message the catcher accepts (bytes); Marginalia's own messages are a few kilobytes. */
const MAX_MESSAGE_BYTES = 1_000_000;

/**
 * The demo's mail server: accepts every message on a loopback port and drops it. Nothing is
 * lost: the message is already stored as OutgoingMail and shown under Admin → Outgoing mail.
 */
export async function startDemoMailCatcher(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // An error of one client's connection must not end the process the catcher runs in (the
  // server ignores resets itself; without a listener, any other would be thrown).
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
