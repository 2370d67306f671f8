import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PrismaService } from '../../src/infra/prisma/prisma.service.js';
import { TestApi } from '../support/api-client.js';
import { captureStdout } from '../support/capture-stdout.js';
import { makeArticle } from '../support/factories.js';
import { eventually } from '../support/eventually.js';

// Its own file: nestjs-pino keeps one root logger per module registry, built at the level
// of the first app started (debug here, for the subscription events).

interface LogLine {
  level: number;
  msg: string;
  graphql?: Record<string, unknown>;
  subscription?: Record<string, unknown>;
}

function captureLog(): { lines: () => LogLine[]; text: () => string; restore: () => void } {
  const capture = captureStdout();
  const lines = (): LogLine[] =>
    capture
      .text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  return { ...capture, lines };
}

describe('GraphQL access log', () => {
  const savedLevel = process.env['LOG_LEVEL'];
  let capture: ReturnType<typeof captureLog>;
  let api: TestApi;

  beforeAll(async () => {
    process.env['LOG_LEVEL'] = 'debug';
    capture = captureLog();
    api = await TestApi.start();
  });
  afterAll(async () => {
    capture.restore();
    if (savedLevel === undefined) delete process.env['LOG_LEVEL'];
    else process.env['LOG_LEVEL'] = savedLevel;
    await api.close();
  });

  const accessLines = (requestId: string): Array<Record<string, unknown>> =>
    capture.lines().flatMap((line) => (line.graphql && line.graphql['requestId'] === requestId ? [line.graphql] : []));

  async function send(requestId: string, init: RequestInit & { search?: string }): Promise<number> {
    const res = await fetch(`${api.url}/graphql${init.search ?? ''}`, {
      ...init,
      headers: { 'x-request-id': requestId, ...(init.headers as Record<string, string>) },
    });
    await res.text();
    return res.status;
  }

  it('writes one line per request with the operation, status, timing and viewer, never the variables', async () => {
    const secret = 'Variable-Secret-4k2j9-unique';
    const user = await api.register({ password: secret });
    const id = `req-${Math.random().toString(36).slice(2)}`;
    const status = await send(id, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({
        query: 'query Profile($note: String) { me { id } articles(search: $note) { nodes { id } } }',
        variables: { note: secret },
        operationName: 'Profile',
      }),
    });
    expect(status).toBe(200);
    const lines = await eventually(async () => {
      const found = accessLines(id);
      return found.length > 0 ? found : undefined;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      requestId: id,
      method: 'POST',
      path: '/graphql',
      operationName: 'Profile',
      operationType: 'query',
      statusCode: 200,
      durationMs: expect.any(Number),
      viewerId: user.userId,
    });
    const text = capture.text();
    expect([secret, user.token, user.email].filter((s) => text.includes(s))).toEqual([]);
  });

  it('logs the error codes of a failed mutation, without the viewer for an anonymous caller', async () => {
    const id = `req-${Math.random().toString(36).slice(2)}`;
    const password = 'Wrong-Pass-8h3k-unique';
    await send(id, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation SignIn($input: LoginInput!) { login(input: $input) { accessToken } }',
        variables: { input: { email: 'nobody@example.test', password } },
      }),
    });
    const [line] = await eventually(async () => (accessLines(id).length > 0 ? accessLines(id) : undefined));
    expect(line).toMatchObject({
      operationName: 'SignIn',
      operationType: 'mutation',
      viewerId: null,
      errorCodes: ['UNAUTHENTICATED'],
    });
    expect(capture.text()).not.toContain(password);
  });

  it('logs refused requests: invalid documents, wrong media types and mutations over GET', async () => {
    const invalid = `req-${Math.random().toString(36).slice(2)}`;
    expect(
      await send(invalid, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Broken { nope }', operationName: 'Broken' }),
      }),
    ).toBe(400);
    const form = `req-${Math.random().toString(36).slice(2)}`;
    expect(
      await send(form, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=mutation%20%7B%20logout%20%7D',
      }),
    ).toBe(415);
    const get = `req-${Math.random().toString(36).slice(2)}`;
    const mutation = encodeURIComponent('mutation Out { logout }');
    expect(await send(get, { method: 'GET', search: `?query=${mutation}` })).toBe(405);

    await eventually(async () => [invalid, form, get].every((id) => accessLines(id).length === 1) || undefined);
    expect(accessLines(invalid)[0]).toMatchObject({
      operationName: 'Broken',
      statusCode: 400,
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    expect(accessLines(form)[0]).toMatchObject({
      method: 'POST',
      statusCode: 415,
      errorCodes: ['UNSUPPORTED_MEDIA_TYPE'],
    });
    expect(accessLines(get)[0]).toMatchObject({ method: 'GET', statusCode: 405, path: '/graphql' });
    // The query string (documents, variables) is not logged with GET requests.
    expect(capture.text()).not.toContain(mutation);
  });

  it('logs websocket connections, subscriptions and their completion at debug level', async () => {
    const prisma = api.app.get(PrismaService);
    const article = await makeArticle(prisma);
    const user = await api.register();
    const client = createClient({
      url: `${api.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    try {
      const unsubscribe = client.subscribe(
        {
          query: 'subscription Live($id: ID!) { articleEvents(articleId: $id) { type } }',
          variables: { id: article.id },
        },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      const events = (): Array<Record<string, unknown>> =>
        capture.lines().flatMap((line) => (line.subscription && line.level === 20 ? [line.subscription] : []));
      await eventually(
        async () => events().some((e) => e['event'] === 'subscribe' && e['viewerId'] === user.userId) || undefined,
      );
      unsubscribe();
      await eventually(
        async () => events().some((e) => e['event'] === 'complete' && e['viewerId'] === user.userId) || undefined,
      );
      expect(events()).toEqual(
        expect.arrayContaining([
          { event: 'connect', viewerId: user.userId },
          { event: 'subscribe', id: expect.anything(), operationName: 'Live', viewerId: user.userId },
        ]),
      );
      expect(capture.text()).not.toContain(user.token);
    } finally {
      await client.dispose();
    }
  });
});
