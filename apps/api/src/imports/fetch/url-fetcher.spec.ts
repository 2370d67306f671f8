import { MAX_IMPORT_BYTES } from '@marginalia/content';
import { gzipSync } from 'node:zlib';
import { closedPort, LoopbackServer, redirect, send } from '../../../test/support/imports/loopback-server.js';
import { FetchError } from './fetch-error.js';
import { MAX_REDIRECTS, UrlFetcher } from './url-fetcher.js';

const PAGE = '<html><head><title>Margins</title></head><body><p>Hello from the loopback.</p></body></html>';

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('fetching a page for a URL import (loopback servers only)', () => {
  let server: LoopbackServer;
  let endlessSent = 0;
  let endlessClosedEarly = false;
  // Loopback is reachable only because the allow-list names 127.0.0.1 (and nothing else).
  const fetcher = new UrlFetcher({ IMPORT_ALLOWED_HOSTS: '127.0.0.1', IMPORT_FETCH_TIMEOUT_MS: 1500 });
  const strict = new UrlFetcher({ IMPORT_ALLOWED_HOSTS: '', IMPORT_FETCH_TIMEOUT_MS: 1500 });

  beforeAll(async () => {
    let hops = 0;
    server = await LoopbackServer.start({
      '/page': send('text/html; charset=utf-8', PAGE),
      '/notes.md': send('text/markdown', '# Notes\n\nSome *notes*.'),
      '/zipped': send('text/html', gzipSync(PAGE), { 'content-encoding': 'gzip' }),
      '/latin1': send('text/plain; charset=iso-8859-1', Buffer.from('Café crème', 'latin1')),
      '/image': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
      '/untyped': (_req, res) => res.end('no type'),
      '/one': redirect('/two', 301),
      '/two': redirect((s) => s.url('/page'), 307),
      '/loop': redirect(() => `/loop?${++hops}`),
      '/to-ipv6-loopback': redirect((s) => `http://[::1]:${s.port}/page`),
      '/to-file': redirect('file:///etc/passwd'),
      '/declared-huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(MAX_IMPORT_BYTES + 1) });
        res.write('a');
      },
      '/endless': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = 'x'.repeat(64 * 1024);
        res.once('close', () => (endlessClosedEarly = !res.writableFinished));
        const pump = (): void => {
          while (endlessSent < 4 * MAX_IMPORT_BYTES && !res.destroyed) {
            endlessSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
      '/bomb': send('text/plain', gzipSync(Buffer.alloc(MAX_IMPORT_BYTES + 10, 'a')), { 'content-encoding': 'gzip' }),
      '/silent': () => undefined,
      '/unavailable': (_req, res) => res.writeHead(503).end(),
      '/missing': (_req, res) => res.writeHead(404).end(),
    });
  });
  afterAll(() => server.close());

  it('returns the body with the format its content type names', async () => {
    const page = await fetcher.fetch(server.url('/page'));
    expect(page.format).toBe('html');
    expect(page.finalUrl).toBe(server.url('/page'));
    expect(Buffer.from(page.body as Uint8Array).toString('utf8')).toBe(PAGE);
    expect((await fetcher.fetch(server.url('/notes.md'))).format).toBe('markdown');
  });

  it('decompresses gzip and decodes declared charsets', async () => {
    const zipped = await fetcher.fetch(server.url('/zipped'));
    expect(Buffer.from(zipped.body as Uint8Array).toString('utf8')).toBe(PAGE);
    expect((await fetcher.fetch(server.url('/latin1'))).body).toBe('Café crème');
  });

  it('follows redirects by hand and reports where the page finally came from', async () => {
    const page = await fetcher.fetch(server.url('/one'));
    expect(page.finalUrl).toBe(server.url('/page'));
    expect(server.requests.slice(-3)).toEqual(['/one', '/two', '/page']);
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    const error = await failure(fetcher.fetch(server.url('/loop')));
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
    expect(error.retryable).toBe(false);
  });

  it('checks every hop again: a redirect to a loopback address the allow-list does not name is refused', async () => {
    const before = server.requests.length;
    const error = await failure(fetcher.fetch(server.url('/to-ipv6-loopback')));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toMatch(/::1, a loopback address/);
    expect(server.requests.slice(before)).toEqual(['/to-ipv6-loopback']);
    expect((await failure(fetcher.fetch(server.url('/to-file')))).code).toBe('BAD_URL');
  });

  it('refuses types other than HTML, text, Markdown and JSON', async () => {
    const image = await failure(fetcher.fetch(server.url('/image')));
    expect(image.code).toBe('UNSUPPORTED_TYPE');
    expect(image.message).toMatch(/image\/png/);
    expect((await failure(fetcher.fetch(server.url('/untyped')))).code).toBe('UNSUPPORTED_TYPE');
  });

  it('stops reading past the size cap, declared, streamed or decompressed', async () => {
    expect((await failure(fetcher.fetch(server.url('/declared-huge')))).code).toBe('TOO_LARGE');
    const streamed = await failure(fetcher.fetch(server.url('/endless')));
    expect(streamed.code).toBe('TOO_LARGE');
    expect(streamed.message).toMatch(/2 MiB/);
    // The client hung up: the server never got to send its 8 MiB.
    await new Promise((r) => setTimeout(r, 50));
    expect(endlessClosedEarly).toBe(true);
    expect(endlessSent).toBeLessThan(4 * MAX_IMPORT_BYTES);
    expect((await failure(fetcher.fetch(server.url('/bomb')))).code).toBe('TOO_LARGE');
  });

  it('gives up at the deadline, as a retryable failure', async () => {
    const quick = new UrlFetcher({ IMPORT_ALLOWED_HOSTS: '127.0.0.1', IMPORT_FETCH_TIMEOUT_MS: 300 });
    const started = Date.now();
    const error = await failure(quick.fetch(server.url('/silent')));
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('tells transient HTTP and network failures from permanent ones', async () => {
    expect(await failure(fetcher.fetch(server.url('/unavailable')))).toMatchObject({
      code: 'HTTP_ERROR',
      retryable: true,
    });
    expect(await failure(fetcher.fetch(server.url('/missing')))).toMatchObject({
      code: 'HTTP_ERROR',
      retryable: false,
    });
    const refused = await failure(fetcher.fetch(`http://127.0.0.1:${await closedPort()}/`));
    expect(refused).toMatchObject({ code: 'UNREACHABLE', retryable: true });
    expect(refused.message).toMatch(/ECONNREFUSED/);
  });

  it('without the allow-list, refuses loopback however it is written, before connecting', async () => {
    const before = server.requests.length;
    for (const url of [
      server.url('/page'),
      `http://localhost:${server.port}/page`,
      `http://[::ffff:127.0.0.1]:${server.port}/page`,
      `http://2130706433:${server.port}/page`, // 127.0.0.1 as one number
      `http://0x7f.1:${server.port}/page`,
    ]) {
      const error = await failure(strict.fetch(url));
      expect(error.code).toBe('BLOCKED_ADDRESS');
      expect(error.message).toMatch(/loopback address.*IMPORT_ALLOWED_HOSTS/);
    }
    expect(server.requests.length).toBe(before);
  });

  it('fetches from an origin an admin registered for a site, and from no other private address', async () => {
    const trusted = new Set([`http://127.0.0.1:${server.port}`]);
    const withSites = new UrlFetcher(
      { IMPORT_ALLOWED_HOSTS: '', IMPORT_FETCH_TIMEOUT_MS: 1500 },
      { isTrusted: (origin) => Promise.resolve(trusted.has(origin)) },
    );
    const page = await withSites.fetch(server.url('/page'));
    expect(page.finalUrl).toBe(server.url('/page'));

    // The same server under another name is another origin: still refused.
    const other = await failure(withSites.fetch(`http://localhost:${server.port}/page`));
    expect(other.code).toBe('BLOCKED_ADDRESS');
    expect(other.message).toMatch(/registering its origin for a site/);
    // A trusted page that redirects elsewhere on the private network: the next hop is judged anew.
    const hop = await failure(withSites.fetch(server.url('/to-ipv6-loopback')));
    expect(hop.code).toBe('BLOCKED_ADDRESS');
  });

  // vet() resolves and judges without connecting, so these never send a packet anywhere.
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'cloud metadata'],
    ['http://[::ffff:169.254.169.254]/', 'cloud metadata'],
    ['http://10.0.0.1/', 'private'],
    ['http://192.168.1.1/admin', 'private'],
    ['http://172.20.0.5/', 'private'],
    ['http://100.64.1.1/', 'shared (CGNAT)'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fc00::1]/', 'unique-local'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://224.0.0.251/', 'multicast'],
  ])('refuses %s (%s) without connecting', async (url, reason) => {
    const error = await failure(strict.vet(url));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toContain(`a ${reason} address`);
  });

  it('refuses URLs that are not http(s) or carry credentials', async () => {
    expect((await failure(strict.vet('ftp://127.0.0.1/'))).code).toBe('BAD_URL');
    expect((await failure(strict.vet('http://user:pw@127.0.0.1/'))).code).toBe('BAD_URL');
    expect((await failure(strict.vet('not a url'))).code).toBe('BAD_URL');
  });
});
