import { loadConfig } from '../config/env.js';
import { PrismaService } from './prisma.service.js';
import { prepared } from './prepared.js';

// Its idle values divide by zero: warming fails on every connection.
prepared('test.broken', 'SELECT 1 / $1::int AS n', [0]);
const ECHO = prepared<{ n: number }>('test.echo-after', 'SELECT $1::int + 1 AS n', [0]);

describe('warming the pool when a statement fails', () => {
  it('logs, drops the connections it held, and leaves a pool that works', async () => {
    const prisma = new PrismaService(loadConfig({ ...process.env, DATABASE_POOL_SIZE: '3' }));
    try {
      await expect(prisma.warm()).resolves.toBeUndefined();
      // The connections of the failed warm-up are gone: fresh ones have nothing prepared.
      const left = await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pg_prepared_statements`;
      expect(left).toEqual([{ n: 0 }]);
      expect(await prisma.run(ECHO, [41])).toEqual([{ n: 42 }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
