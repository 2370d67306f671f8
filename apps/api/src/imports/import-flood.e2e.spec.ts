import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';

const IMPORT = 'mutation($input: ImportArticleInput!) { importArticle(input: $input) { id status } }';

describe('import flood', () => {
  let api: TestApi;
  const previous = process.env['IMPORT_RATE_LIMIT'];

  beforeAll(async () => {
    process.env['IMPORT_RATE_LIMIT'] = '3';
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
    process.env['IMPORT_RATE_LIMIT'] = previous;
  });

  it('limits the imports one admin may queue per minute, with a clear error, and stores nothing past it', async () => {
    const admin = await api.register();
    const prisma = api.app.get(PrismaService);
    await prisma.user.update({ where: { id: admin.userId }, data: { role: 'ADMIN' } });
    const send = (n: number): ReturnType<TestApi['gql']> =>
      api.gql(IMPORT, { input: { text: `Flood ${n}\n\nA paragraph of text number ${n}.` } }, admin.token);
    for (let n = 1; n <= 3; n++) expect((await send(n)).errors).toBeUndefined();
    const refused = await send(4);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0]?.message).toMatch(/at most 3 imports a minute/i);
    expect(await prisma.importJob.count({ where: { requestedById: admin.userId } })).toBe(3);
  });
});
