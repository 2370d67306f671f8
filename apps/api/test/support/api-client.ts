import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/http-app.js';
import { loadConfig } from '../../src/infra/config/env.js';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { freePort } from './free-port.js';

export interface GqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A real API on a random loopback port, spoken to over real HTTP. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly url: string,
  ) {}

  /**
   * Listens on a free loopback port. The API's public address (PUBLIC_URL) is that port's URL
   * unless `publicUrl` says otherwise, so the absolute URLs it builds point at this server.
   */
  static async start({ publicUrl }: { publicUrl?: string } = {}): Promise<TestApi> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const saved = process.env['PUBLIC_URL'];
    process.env['PUBLIC_URL'] = publicUrl ?? url;
    try {
      const app = await createHttpApp(loadConfig(process.env));
      // An app that fails to start still holds its pools: close it, or jest never exits.
      await app.listen({ port, host: '127.0.0.1' }).catch(async (error: unknown) => {
        await app.close().catch(() => undefined);
        throw error;
      });
      return new TestApi(app, url);
    } finally {
      if (saved === undefined) delete process.env['PUBLIC_URL'];
      else process.env['PUBLIC_URL'] = saved;
    }
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GqlResult<T> & { status: number }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status };
  }

  /**
   * Registers a fresh user and returns their access token. The address counts as verified (as
   * if the mailed link had been followed) unless `verified: false`: commenting needs it.
   */
  async register(
    overrides: Partial<{
      email: string;
      handle: string;
      password: string;
      displayName: string;
      verified: boolean;
    }> = {},
  ): Promise<{
    token: string;
    refreshToken: string;
    userId: string;
    email: string;
    handle: string;
    password: string;
  }> {
    const n = Math.random().toString(36).slice(2, 10);
    const { verified = true, ...given } = overrides;
    const input = {
      email: `user_${n}@example.test`,
      handle: `user_${n}`,
      password: 'correct horse battery',
      displayName: `User ${n}`,
      ...given,
    };
    const res = await this.gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }',
      { input },
    );
    if (!res.data?.register) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
    if (verified) {
      await this.app
        .get(PrismaService)
        .user.update({ where: { id: res.data.register.user.id }, data: { emailVerifiedAt: new Date() } });
    }
    return {
      token: res.data.register.accessToken,
      refreshToken: res.data.register.refreshToken,
      userId: res.data.register.user.id,
      email: input.email,
      handle: input.handle,
      password: input.password,
    };
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export function errorCode(result: GqlResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.['code'];
}
