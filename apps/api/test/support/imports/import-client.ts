import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaService } from '../../../src/infra/prisma/prisma.service.js';
import type { TestApi } from '../api-client.js';
import { eventually } from '../eventually.js';

/** The demo seeds `pnpm start` imports: the product's first import fixtures. */
export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../prisma/seed/demo');

export interface JobView {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  progress: number;
  step: string | null;
  error: string | null;
  warnings: string[];
  articleId: string | null;
  articleSlug: string | null;
}

export const JOB_FIELDS = 'id status progress step error warnings articleId articleSlug';

/** A freshly registered user promoted to ADMIN (roles are re-read on every request). */
export async function adminToken(api: TestApi): Promise<string> {
  const admin = await api.register();
  await api.app.get(PrismaService).user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
  return admin.token;
}

/** Asks for an import over GraphQL and returns the job once the worker has finished it. */
export async function importAndWait(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<JobView> {
  const requested = await api.gql<{ importArticle: JobView }>(
    `mutation($input: ImportArticleInput!) { importArticle(input: $input) { ${JOB_FIELDS} } }`,
    { input },
    token,
  );
  if (!requested.data?.importArticle) throw new Error(`importArticle failed: ${JSON.stringify(requested.errors)}`);
  return waitForJob(api, token, requested.data.importArticle.id, timeoutMs);
}

export async function waitForJob(api: TestApi, token: string, id: string, timeoutMs = 15_000): Promise<JobView> {
  return eventually(
    async () => {
      const res = await api.gql<{ importJob: JobView }>(
        `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`,
        { id },
        token,
      );
      const job = res.data?.importJob;
      return job && (job.status === 'SUCCEEDED' || job.status === 'FAILED') ? job : undefined;
    },
    { timeoutMs: timeoutMs, what: `import job ${id} to finish` },
  );
}
