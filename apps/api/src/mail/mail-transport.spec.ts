import { Logger } from '@nestjs/common';
import type { AppConfig } from '../infra/config/env.js';
import { MailTransport } from './mail-transport.js';

describe('the mail transport in demo mode', () => {
  it('catches mail itself when no SMTP_URL is set, and says where it listens', async () => {
    const logged: string[] = [];
    const log = Object.getOwnPropertyDescriptor(Logger.prototype, 'log')!;
    Logger.prototype.log = (message: unknown): void => void logged.push(String(message));
    const transport = new MailTransport({ SMTP_URL: null, DEMO_MODE: true } as AppConfig);
    try {
      await transport.onModuleInit();
      expect(logged).toEqual([expect.stringMatching(/^mail catcher listening on smtp:\/\/127\.0\.0\.1:\d+ /)]);
      const info = await transport.send({ from: 'a@example.test', to: 'b@example.test', subject: 's', text: 't' });
      expect(info.response).toMatch(/^250/);
    } finally {
      await transport.onApplicationShutdown();
      Object.defineProperty(Logger.prototype, 'log', log);
    }
  });

  it('outside demo mode without SMTP_URL, refuses to send (the entry points refuse to start before that)', async () => {
    const transport = new MailTransport({ SMTP_URL: null, DEMO_MODE: false } as AppConfig);
    await transport.onModuleInit();
    await expect(transport.send({ to: 'b@example.test' })).rejects.toThrow(/SMTP_URL/);
  });
});
