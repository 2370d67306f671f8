import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { TestApi } from '../../../test/support/api-client.js';
import { HISTORY_DIR, runImport } from '../../../test/support/history/run-import.js';
import { seeded } from '../../../test/security/prng.js';

const WXR = readFileSync(path.join(HISTORY_DIR, 'wordpress.wxr.xml'), 'utf8');
/** The Disqus fixture with ids and site of its own (Disqus ids are global). */
const DISQUS = readFileSync(path.join(HISTORY_DIR, 'disqus.xml'), 'utf8')
  .replaceAll('dsq:id="', 'dsq:id="b')
  .replaceAll('harbour.example', 'harbour-b.example');
/** Comments of each published item of the WXR fixture, as a whole import stores them. */
const FULL: Record<string, number> = { '12': 7, '2': 0 };

describe('bad site exports', () => {
  let api: TestApi;
  let prisma: PrismaService;
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-history-'));
  const file = (name: string, content: string | Buffer): string => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  /** The fixture as the export of a site of its own, so each case starts from nothing. */
  const wxrOf = (site: string): string => WXR.replaceAll('https://harbour.example', `https://${site}.example`);

  beforeAll(async () => {
    api = await TestApi.start();
    prisma = api.app.get(PrismaService);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Per imported article of a site: its comment count. Every article must hold all its comments or not exist. */
  const articlesOf = async (site: string): Promise<Record<string, number>> => {
    const rows = await prisma.article.findMany({
      where: { importKey: { startsWith: `wxr:https://${site}.example#` } },
      select: { importKey: true, threads: { select: { _count: { select: { comments: true } } } } },
    });
    return Object.fromEntries(
      rows.map((r) => [r.importKey!.split('#')[1]!, r.threads.reduce((n, t) => n + t._count.comments, 0)]),
    );
  };

  it('refuses a file that is not XML, and XML of another kind, naming the problem', async () => {
    const notXml = await runImport([file('export.xml', 'Dear editor, here are our comments.\n')]);
    expect(notXml.code).toBe(1);
    expect(notXml.results[0]).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT' } });
    const rss = await runImport([
      file('feed.rss', '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>'),
    ]);
    expect(rss.results[0]).toMatchObject({
      error: { code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('WordPress (WXR)') },
    });
  });

  it('detects the format from the content, not the file name', async () => {
    const { code, results } = await runImport([file('comments-backup.txt', wxrOf('renamed'))]);
    expect(code).toBe(0);
    expect(results[0]).toMatchObject({ format: 'wxr', articles: 2, comments: 7 });
  });

  it('stops at a truncated file with a clear error, keeps whole articles only, and completes on the next run', async () => {
    const full = wxrOf('truncated');
    // Cut inside the second item: the first (with its comments) is whole, the second is not.
    const cut = full.indexOf('About the Gazette') + 5;
    const first = await runImport([file('truncated.xml', full.slice(0, cut))]);
    expect(first.code).toBe(1);
    expect(first.results[0]).toMatchObject({
      error: { code: 'INVALID_EXPORT', message: expect.stringMatching(/truncated|not well-formed/) },
    });
    expect(await articlesOf('truncated')).toEqual({ '12': 7 });
    const resumed = await runImport([file('complete.xml', full)]);
    expect(resumed.results[0]).toMatchObject({ articles: 2, comments: 7, commentsCreated: 0 });
    expect(await articlesOf('truncated')).toEqual(FULL);
  });

  it('never leaves a half-imported article, whatever point a file is cut at or garbled', async () => {
    const random = seeded(20261207);
    for (let round = 0; round < 12; round++) {
      const site = `fuzz-${round}`;
      const full = wxrOf(site);
      const at = random.int(0, full.length - 1);
      const mutated =
        round % 2 === 0
          ? full.slice(0, at)
          : `${full.slice(0, at)}${['<', '&', ']]>', '</item>', '\u0001'][round % 5]}${full.slice(at)}`;
      const { results } = await runImport([file(`${site}.xml`, mutated)]);
      const result = results[0]!;
      if ('error' in result)
        expect((result['error'] as { code: string }).code).toMatch(/INVALID_EXPORT|UNSUPPORTED_FORMAT/);
      const stored = await articlesOf(site);
      for (const [post, comments] of Object.entries(stored)) expect([post, comments]).toEqual([post, FULL[post]]);
      const orphans = await prisma.comment.count({
        where: { importKey: { startsWith: `wxr:https://${site}.example#` }, thread: { comments: { none: {} } } },
      });
      expect(orphans).toBe(0);
    }
  });

  it('resumes a Disqus import cut short, without duplicating the posts already written', async () => {
    const cut = DISQUS.indexOf('<post dsq:id="b9011">') + 30;
    const first = await runImport([file('disqus-cut.xml', DISQUS.slice(0, cut))]);
    expect(first.results[0]).toMatchObject({ error: { code: 'INVALID_EXPORT' } });
    const resumed = await runImport([file('disqus-whole.xml', DISQUS)]);
    expect(resumed.results[0]).toMatchObject({ format: 'disqus', comments: 8 });
    expect(await prisma.comment.count({ where: { importKey: { startsWith: 'disqus#b' } } })).toBe(8);
  });
});
