import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../http-app.js';
import { loadConfig } from '../infra/config/env.js';

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

  static async start(): Promise<TestApi> {
    const config = loadConfig(process.env);
    const app = await createHttpApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return new TestApi(app, `http://127.0.0.1:${port}`);
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

  /** Registers a fresh user and returns their access token. */
  async register(
    overrides: Partial<{ email: string; handle: string; password: string; displayName: string }> = {},
  ): Promise<{
    token: string;
    refreshToken: string;
    userId: string;
    email: string;
    password: string;
  }> {
    const n = Math.random().toString(36).slice(2, 10);
    const input = {
      email: `user_${n}@example.test`,
      handle: `user_${n}`,
      password: 'correct horse battery',
      displayName: `User ${n}`,
      ...overrides,
    };
    const res = await this.gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }',
      { input },
    );
    if (!res.data?.register) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
    return {
      token: res.data.register.accessToken,
      refreshToken: res.data.register.refreshToken,
      userId: res.data.register.user.id,
      email: input.email,
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
