import { randomBytes } from 'node:crypto';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { errorCode, TestApi } from '../../test/support/api-client.js';
import { registerAs } from '../../test/support/moderation/e2e-helpers.js';

const FIELDS = 'id name origins premod commentsOpen articleCount embedSnippet';
const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { ssoSecret site { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateSiteInput!) { updateSite(input: $input) { ${FIELDS} } }`;
const ROTATE = `mutation($id: ID!) { rotateSiteSecret(siteId: $id) { ssoSecret site { id } } }`;
const LIST = `{ sites { ${FIELDS} } }`;

interface SiteView {
  id: string;
  name: string;
  origins: string[];
  premod: boolean;
  commentsOpen: boolean;
  articleCount: number;
  embedSnippet: string;
}

describe('sites', () => {
  let api: TestApi;
  let prisma: PrismaService;
  let admin: { token: string };
  // Origins no other spec registers (sites are shared by every test running now).
  const host = (): string => `https://news-${randomBytes(4).toString('hex')}.example`;

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    admin = await registerAs(api, prisma, 'ADMIN');
  });
  afterAll(() => api.close());

  const create = (input: Record<string, unknown>) =>
    api.gql<{ createSite: { ssoSecret: string; site: SiteView } }>(CREATE, { input }, admin.token);

  it('registers a site with normalised origins, shows its secret once and its embed snippet', async () => {
    const origin = host();
    const created = await create({
      name: ' The Daily ',
      origins: [`${origin.toUpperCase()}/`, origin, 'http://localhost:8080'],
    });
    expect(created.errors).toBeUndefined();
    const { site, ssoSecret } = created.data!.createSite;
    expect(site).toMatchObject({
      name: 'The Daily',
      origins: [origin, 'http://localhost:8080'],
      premod: false,
      commentsOpen: true,
      articleCount: 0,
    });
    expect(ssoSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(site.embedSnippet).toContain(`data-site="${site.id}"`);
    expect(site.embedSnippet).toContain(`src="${api.url}/embed.js"`);

    // The secret is in no later answer: the schema has no field for it outside CreatedSite.
    const listed = await api.gql<{ sites: SiteView[] }>(LIST, {}, admin.token);
    expect(JSON.stringify(listed.data)).not.toContain(ssoSecret);
    expect(listed.data!.sites.find((s) => s.id === site.id)).toEqual(site);
    const noSecret = await api.gql(`{ sites { ssoSecret } }`, {}, admin.token);
    expect(errorCode(noSecret)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('names the bad origin, and refuses an origin another site registered', async () => {
    const bad = await create({ name: 'Bad', origins: [host(), 'https://news.example/story'] });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions).toMatchObject({ field: 'origins.1' });
    expect(bad.errors![0]!.message).toMatch(/without a path/);

    const origin = host();
    const first = await create({ name: 'First', origins: [origin] });
    expect(first.errors).toBeUndefined();
    const second = await create({ name: 'Second', origins: [host(), origin] });
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors![0]!.message).toContain(`registered for the site "First"`);
    expect(second.errors![0]!.extensions).toMatchObject({ field: 'origins.1' });

    // A site may keep its own origins when it changes the others.
    const kept = await api.gql<{ updateSite: SiteView }>(
      UPDATE,
      { input: { siteId: first.data!.createSite.site.id, origins: [origin, `${origin}:8443`], premod: true } },
      admin.token,
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.updateSite).toMatchObject({ origins: [origin, `${origin}:8443`], premod: true, name: 'First' });
  });

  it('rotates the secret: a new one, and the old one is gone', async () => {
    const created = await create({ name: 'Rotating', origins: [host()] });
    const { site, ssoSecret } = created.data!.createSite;
    const rotated = await api.gql<{ rotateSiteSecret: { ssoSecret: string } }>(ROTATE, { id: site.id }, admin.token);
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data!.rotateSiteSecret.ssoSecret;
    expect(fresh).not.toBe(ssoSecret);
    expect((await prisma.site.findUniqueOrThrow({ where: { id: site.id } })).ssoSecret).toBe(fresh);

    const missing = await api.gql(ROTATE, { id: 'not-an-id' }, admin.token);
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });
});
