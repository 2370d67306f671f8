import type { INestApplicationContext } from '@nestjs/common';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TestApi } from '../../test/support/api-client.js';
import { startWorker } from '../../test/support/worker.js';
import { adminToken, JOB_FIELDS, type JobView } from '../../test/support/imports/import-client.js';
import { isolatedEnv } from '../../test/support/imports/isolated-env.js';
import { LoopbackServer } from '../../test/support/imports/loopback-server.js';
import { eventually } from '../../test/support/eventually.js';

const PAGE = `<!doctype html><html><head><title>Slow news</title></head><body><article><h1>Slow news</h1>
  <p>This page takes its time, so that a subscriber can watch the import move through its steps.</p>
  <p>Progress goes from fetching to parsing, storing, comments and anchoring, then it is done.</p></article></body></html>`;

function follow(api: TestApi, id: string, token: string): { updates: JobView[]; errors: unknown[]; client: Client } {
  const client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const updates: JobView[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ importJobUpdated: JobView }>(
    { query: `subscription($id: ID!) { importJobUpdated(id: $id) { ${JOB_FIELDS} } }`, variables: { id } },
    {
      next: (message) => {
        if (message.data) updates.push(message.data.importJobUpdated);
        if (message.errors) errors.push(...message.errors);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { updates, errors, client };
}

describe('following an import’s progress', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let server: LoopbackServer;
  let token: string;
  let restoreEnv: () => void;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    restoreEnv = isolatedEnv('progress', { IMPORT_ALLOWED_HOSTS: '127.0.0.1' });
    api = await TestApi.start();
    worker = await startWorker();
    token = await adminToken(api);
    server = await LoopbackServer.start({
      // Answers only when the test says so: the job waits in its fetch step meanwhile.
      '/slow': (_req, res) => {
        release = () => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await worker.close();
    await api.close();
    restoreEnv();
  });

  it('publishes every step to subscribers, while polling shows the same', async () => {
    const requested = await api.gql<{ importArticle: JobView }>(
      'mutation($url: String!) { importArticle(input: { url: $url }) { id status progress } }',
      { url: server.url('/slow') },
      token,
    );
    const id = requested.data!.importArticle.id;
    expect(requested.data!.importArticle).toMatchObject({ status: 'QUEUED', progress: 0 });

    // Polling: the worker has taken the job and waits for the page.
    const fetching = await eventually(async () => {
      const res = await api.gql<{ importJob: JobView }>(
        `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`,
        { id },
        token,
      );
      return res.data?.importJob.step === 'fetch' && server.requests.includes('/slow') ? res.data.importJob : undefined;
    });
    expect(fetching).toMatchObject({ status: 'RUNNING', progress: 5 });

    const live = follow(api, id, token);
    await new Promise((r) => setTimeout(r, 400)); // let the subscription start
    release();
    const done = await eventually(async () => live.updates.find((u) => u.status === 'SUCCEEDED'), {
      timeoutMs: 10_000,
      what: 'done',
    });
    expect(live.errors).toEqual([]);
    expect(live.updates.map((u) => [u.step, u.progress])).toEqual([
      ['parse', 30],
      ['store', 50],
      ['comments', 70],
      ['anchoring', 90],
      ['done', 100],
    ]);
    expect(done).toMatchObject({ id, status: 'SUCCEEDED', articleSlug: 'slow-news', error: null });
    await live.client.dispose();
  });

  it('lets only admins subscribe', async () => {
    const reader = await api.register();
    const live = follow(api, '00000000-0000-0000-0000-000000000000', reader.token);
    await eventually(async () => (live.errors.length > 0 ? true : undefined), {
      timeoutMs: 5_000,
      what: 'the refusal',
    });
    expect(JSON.stringify(live.errors)).toMatch(/FORBIDDEN|role does not allow/);
    await live.client.dispose();
  });
});
