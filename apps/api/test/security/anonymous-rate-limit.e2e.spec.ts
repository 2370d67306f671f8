import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';

// Read by TestApi.start(); jest gives this file its own process.env.
const LIMIT = 5;
process.env['ANONYMOUS_RATE_LIMIT'] = String(LIMIT);
// The test client stands in for a proxy on loopback: each test reads from its own address.
process.env['TRUST_PROXY'] = 'loopback';

interface Answer {
  status: number;
  retryAfter: string | null;
  code: unknown;
  retryAfterSeconds: unknown;
}

describe('anonymous reads', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    ({ token } = await api.register());
  });
  afterAll(async () => {
    await api.close();
  });

  async function send(address: string, query: string, variables = {}, authorization?: string): Promise<Answer> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    const extensions = body.errors?.[0]?.extensions ?? {};
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      code: extensions['code'],
      retryAfterSeconds: extensions['retryAfterSeconds'],
    };
  }

  const READ = '{ articles { nodes { id } } }';

  it('are limited per address, with RATE_LIMITED and a retry delay, before any resolver runs', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await send('203.0.113.1', READ)).code).toBeUndefined();
    const email = `limited_${Date.now()}@example.test`;
    const blocked = await send(
      '203.0.113.1',
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      {
        input: { email, handle: `limited_${Date.now()}`, password: 'correct horse battery', displayName: 'Limited' },
      },
    );
    expect(blocked).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(blocked.retryAfterSeconds).toEqual(expect.any(Number));
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    // Another address has its own budget.
    expect((await send('203.0.113.2', READ)).code).toBeUndefined();
  });

  it('do not limit signed-in readers', async () => {
    for (let i = 0; i < LIMIT * 2; i++) {
      expect((await send('203.0.113.3', READ, {}, `Bearer ${token}`)).code).toBeUndefined();
    }
  });

  it('count requests with a junk or forged Authorization header as anonymous', async () => {
    const junk = ['Bearer junk', 'Basic dXNlcjpwYXNz', `Bearer ${token.slice(0, -4)}AAAA`];
    const codes: unknown[] = [];
    for (let i = 0; i < LIMIT; i++) codes.push((await send('203.0.113.4', READ, {}, junk[i % junk.length])).code);
    expect(codes).not.toContain('RATE_LIMITED');
    expect(await send('203.0.113.4', READ, {}, 'Bearer junk')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('limit anonymous websocket connections per address', async () => {
    /** Resolves with how connection_init went: acknowledged or closed. */
    const connect = (address: string): Promise<string> =>
      new Promise((resolve) => {
        class ForwardedSocket extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { 'x-forwarded-for': address } });
          }
        }
        const client = createClient({
          url: `${api.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: ForwardedSocket,
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => undefined,
          on: {
            connected: () => {
              resolve('connected');
              void client.dispose();
            },
            closed: () => resolve('closed'),
            error: () => resolve('closed'),
          },
        });
      });
    const outcomes: string[] = [];
    for (let i = 0; i < LIMIT; i++) outcomes.push(await connect('203.0.113.5'));
    expect(outcomes).toEqual(Array(LIMIT).fill('connected'));
    expect(await connect('203.0.113.5')).toBe('closed');
    expect(await connect('203.0.113.6')).toBe('connected');
  });
});
