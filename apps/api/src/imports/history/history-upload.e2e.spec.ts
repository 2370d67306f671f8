import type { INestApplicationContext } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { TestApi } from '../../../test/support/api-client.js';
import { HISTORY_DIR } from '../../../test/support/history/run-import.js';
import { adminToken, waitForJob } from '../../../test/support/imports/import-client.js';
import { isolatedEnv } from '../../../test/support/imports/isolated-env.js';
import { startWorker } from '../../../test/support/worker.js';

const LIMIT = 64 * 1024;

describe('uploading a site history from the admin page', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let token: string;
  let restoreEnv: () => void;
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-uploads-'));
  const n = Math.random().toString(36).slice(2, 8);
  const wxr = readFileSync(path.join(HISTORY_DIR, 'wordpress.wxr.xml'), 'utf8').replaceAll(
    'harbour.example',
    `upload-${n}.example`,
  );

  beforeAll(async () => {
    restoreEnv = isolatedEnv('history-upload', { IMPORT_UPLOAD_MAX_BYTES: String(LIMIT), IMPORT_UPLOAD_DIR: dir });
    api = await TestApi.start();
    worker = await startWorker();
    prisma = api.app.get(PrismaService);
    token = await adminToken(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    restoreEnv();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (body: string, auth = token, type = 'application/xml', name = 'site-export.xml') =>
    fetch(`${api.url}/imports/history`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${auth}`, 'x-file-name': name },
      body,
    });

  it('streams the export to disk, imports it on the worker with progress, and deletes the file', async () => {
    const res = await upload(wxr);
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; status: string; source: string };
    expect(job).toMatchObject({ status: 'QUEUED', source: 'site-export.xml' });
    const done = await waitForJob(api, token, job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 100, error: null });
    expect(done.warnings.some((w) => /Skipped draft post 30/.test(w))).toBe(true);
    const row = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.format).toBe('wxr');
    expect(row.result).toMatchObject({ format: 'wxr', articles: 2, comments: 7, commentsCreated: 7 });
    expect(
      await prisma.comment.count({ where: { importKey: { startsWith: `wxr:https://upload-${n}.example#` } } }),
    ).toBe(7);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file past the size limit, one that is no export, and anyone but an admin', async () => {
    const big = await upload(`${wxr}${'<!-- padding -->'.repeat(LIMIT / 8)}`);
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', field: 'file' } });
    const other = await upload('<?xml version="1.0"?><rss version="2.0"><channel/></rss>');
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'file' } });
    const reader = await api.register();
    expect((await upload(wxr, reader.token)).status).toBe(403);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a file name whose encoding is malformed as sent, rather than failing', async () => {
    const res = await upload(
      wxr.replaceAll(`upload-${n}.example`, `badname-${n}.example`),
      token,
      'application/xml',
      '%E0%A4%A.xml',
    );
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; source: string };
    expect(job.source).toBe('%E0%A4%A.xml');
    await waitForJob(api, token, job.id);
  });
});
