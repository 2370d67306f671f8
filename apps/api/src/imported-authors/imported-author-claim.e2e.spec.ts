import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { TestApi } from '../../test/support/api-client.js';
import { HISTORY_DIR, runImport } from '../../test/support/history/run-import.js';

const CLAIMABLE = 'query { claimableImportedAuthors { id displayName source commentCount } }';
const CLAIM = `mutation($input: ClaimImportedAuthorsInput!) {
  claimImportedAuthors(input: $input) { id displayName source commentCount } }`;
const COMMENT = 'query($id: ID!) { comment(id: $id) { comment { authorName author { id } } } }';

interface Author {
  id: string;
  displayName: string;
  source: string;
  commentCount: number;
}

describe('claiming imported comments by verified address', () => {
  let api: TestApi;
  let prisma: PrismaService;
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-claims-'));
  const n = Math.random().toString(36).slice(2, 8);
  const ivo = `ivo-${n}@nets.example`;
  let token = '';
  let userId = '';

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
    // The fixtures as the history of a site of their own, with Ivo's address unique to this run.
    const own = (text: string): string =>
      text
        .replace(/ivo@nets\.example/gi, ivo)
        .replaceAll('harbour.example', `claims-${n}.example`)
        .replaceAll('dsq:id="', `dsq:id="c${n}`);
    const wxr = path.join(dir, 'wxr.xml');
    const disqus = path.join(dir, 'disqus.xml');
    writeFileSync(wxr, own(readFileSync(path.join(HISTORY_DIR, 'wordpress.wxr.xml'), 'utf8')));
    writeFileSync(disqus, own(readFileSync(path.join(HISTORY_DIR, 'disqus.xml'), 'utf8')));
    const { code } = await runImport([wxr, disqus]);
    expect(code).toBe(0);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers nothing, and claims nothing, until the address is verified', async () => {
    const unverified = await api.register({ email: ivo, displayName: 'Ivo N.', verified: false });
    token = unverified.token;
    userId = unverified.userId;
    const listed = await api.gql(CLAIMABLE, {}, unverified.token);
    expect(listed.errors?.[0]?.extensions?.['code']).toBe('EMAIL_NOT_VERIFIED');
    const author = await prisma.importedAuthor.findFirstOrThrow({ where: { email: ivo } });
    const claimed = await api.gql(CLAIM, { input: { ids: [author.id] } }, unverified.token);
    expect(claimed.errors?.[0]?.extensions?.['code']).toBe('EMAIL_NOT_VERIFIED');
    expect((await prisma.importedAuthor.findUniqueOrThrow({ where: { id: author.id } })).claimedById).toBeNull();
  });

  it('lists the imported authors of the verified address and makes their comments the user’s', async () => {
    // The mailed link followed: the address is verified.
    await prisma.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    const user = { token, userId };
    const listed = await api.gql<{ claimableImportedAuthors: Author[] }>(CLAIMABLE, {}, user.token);
    expect(listed.errors).toBeUndefined();
    const authors = listed.data!.claimableImportedAuthors;
    expect(authors.map((a) => [a.source, a.displayName, a.commentCount]).sort()).toEqual([
      ['Disqus', 'Ivo Netmaker', 1],
      ['WordPress', 'Ivo Netmaker', 2],
    ]);

    // Someone else's address cannot claim them.
    const other = await api.register();
    const refused = await api.gql(CLAIM, { input: { ids: [authors[0]!.id] } }, other.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ids' });

    const claimed = await api.gql<{ claimImportedAuthors: Author[] }>(
      CLAIM,
      { input: { ids: authors.map((a) => a.id) } },
      user.token,
    );
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.claimImportedAuthors).toHaveLength(2);
    const comments = await prisma.comment.findMany({ where: { importedAuthor: { email: ivo } } });
    expect(comments).toHaveLength(3);
    for (const c of comments) expect(c.authorId).toBe(user.userId);
    const published = comments.find((c) => c.status === 'PUBLISHED')!;
    const view = await api.gql<{ comment: { comment: { authorName: string; author: { id: string } } } }>(COMMENT, {
      id: published.id,
    });
    expect(view.data!.comment.comment).toEqual({ authorName: 'Ivo N.', author: { id: user.userId } });

    // Claimed once: no longer offered, and not claimable twice.
    const after = await api.gql<{ claimableImportedAuthors: Author[] }>(CLAIMABLE, {}, user.token);
    expect(after.data!.claimableImportedAuthors).toEqual([]);
    const twice = await api.gql(CLAIM, { input: { ids: [authors[0]!.id] } }, user.token);
    expect(twice.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses an empty or oversized claim on the input', async () => {
    const user = await api.register();
    const empty = await api.gql(CLAIM, { input: { ids: [] } }, user.token);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const many = await api.gql(
      CLAIM,
      { input: { ids: Array.from({ length: 51 }, () => '00000000-0000-4000-8000-000000000000') } },
      user.token,
    );
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
