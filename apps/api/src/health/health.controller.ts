import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { RedisClient } from '../infra/redis/redis-client.js';
import { Public } from '../auth/decorators.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { REDIS } from '../infra/redis/redis.module.js';

/** The timer is cleared once the promise settles: a check must not keep a closing process alive. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly prisma: PrismaService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.probe('postgres', () => this.prisma.$queryRaw`SELECT 1`),
      () => this.probe('redis', () => this.redis.ping()),
      () => this.replicas(),
    ]);
  }

  /**
   * Each read replica's reachability and lag. Up even when none answers: their reads go to
   * the primary meanwhile, so the API still serves everything.
   */
  private async replicas(): Promise<Record<string, { status: 'up'; replicas: unknown[] }>> {
    const states = await withTimeout(this.prisma.replicaStates(), 3000).catch(() => []);
    return states.length ? this.indicator.check('replicas').up({ replicas: states }) : {};
  }

  private async probe(key: string, ping: () => Promise<unknown>): Promise<Record<string, { status: 'up' | 'down' }>> {
    const check = this.indicator.check(key);
    try {
      await withTimeout(ping(), 2000);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
