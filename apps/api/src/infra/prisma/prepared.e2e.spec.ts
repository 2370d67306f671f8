import { loadConfig } from '../config/env.js';
import { PrismaService } from './prisma.service.js';
import { NO_ID, prepared } from './prepared.js';

const ECHO = prepared<{ id: string; n: number }>('test.echo', 'SELECT $1::uuid::text AS id, $2::int + 1 AS n', [
  NO_ID,
  0,
]);

const PID = prepared<{ pid: number }>('test.pid', 'SELECT pg_backend_pid() AS pid FROM pg_sleep($1::float8)', [0]);

interface Backend {
  pid: number;
  names: string[] | null;
}

/** Three statements at once, each holding its own pooled connection: what each has prepared. */
async function backends(prisma: PrismaService): Promise<Backend[]> {
  const read = () =>
    prisma.$queryRaw<Backend[]>`
      SELECT pg_backend_pid() AS pid, (SELECT array_agg(name) FROM pg_prepared_statements) AS names
      FROM pg_sleep(0.2)`;
  return (await Promise.all([read(), read(), read()])).map(([row]) => row!);
}

describe('named statements', () => {
  const config = loadConfig({ ...process.env, DATABASE_POOL_SIZE: '3' });
  let prisma: PrismaService;

  beforeEach(() => {
    prisma = new PrismaService(config);
  });
  afterEach(() => prisma.$disconnect());

  it('runs with positional values and returns the rows', async () => {
    const id = '6f1c1b2e-6a39-4d53-9a53-0d7e1f1b1a11';
    expect(await prisma.run(ECHO, [id, 41])).toEqual([{ id, n: 42 }]);
  });

  it('refuses a second statement under a name already declared', () => {
    expect(() => prepared('test.echo', 'SELECT 1', [])).toThrow('prepared statement "test.echo" is declared twice');
  });

  it('are prepared on every connection of the pool by warm(), and on none before', async () => {
    const cold = await backends(prisma);
    expect(new Set(cold.map((b) => b.pid)).size).toBe(3);
    expect(cold.map((b) => b.names ?? [])).toEqual([[], [], []]);
    await prisma.$disconnect();

    prisma = new PrismaService(config);
    await prisma.warm();
    const warm = await backends(prisma);
    expect(new Set(warm.map((b) => b.pid)).size).toBe(3);
    for (const backend of warm) expect(backend.names).toContain('test.echo');
  });

  it('keep working after the pooled connections are cut while idle', async () => {
    // Only the pool, never Prisma's client: Prisma listens for the pool's errors once it connects.
    await prisma.warm();
    const admin = new PrismaService(loadConfig({ ...process.env, DATABASE_POOL_SIZE: '1' }));
    try {
      const rows = await Promise.all([0, 1, 2].map(() => prisma.run(PID, [0.2])));
      const pids = rows.map(([row]) => row!.pid);
      expect(new Set(pids).size).toBe(3);
      await admin.$queryRaw`SELECT pg_terminate_backend(pid) FROM unnest(${pids}::int[]) AS pid`;
      await new Promise((resolve) => setTimeout(resolve, 200)); // the pool hears of it
      const id = '0d5e5c9a-3a0c-4c1c-9d6e-2b8f0a6f4e21';
      expect(await prisma.run(ECHO, [id, 1])).toEqual([{ id, n: 2 }]);
    } finally {
      await admin.$disconnect();
    }
  });
});
