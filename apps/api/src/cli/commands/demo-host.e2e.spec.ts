import { verifySsoToken } from '../../sites/sso/sso-token.js';
import { freePort } from '../../../test/support/free-port.js';
import { DEMO_HOST_PATH, ensureDemoSite, startDemoHost } from './demo-host.js';

describe('the demo publisher’s page', () => {
  it('registers the demo site once and serves the page with the snippet and a fresh token for its reader', async () => {
    const databaseUrl = process.env['DATABASE_URL']!;
    const port = await freePort();
    const { origin, server } = await startDemoHost({ databaseUrl, publicUrl: 'http://localhost:3999', port });
    try {
      const site = await ensureDemoSite(databaseUrl, origin);
      expect(await ensureDemoSite(databaseUrl, origin)).toEqual(site);

      const home = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect(home.headers.get('location')).toBe(DEMO_HOST_PATH);
      const html = await (await fetch(`http://127.0.0.1:${port}${DEMO_HOST_PATH}`)).text();
      expect(html).toContain('<article data-marginalia-article>');
      expect(html).toContain(`<script src="http://localhost:3999/embed.js" data-site="${site.id}"`);
      const token = /data-sso-token="([^"]+)"/.exec(html)![1]!;
      const verified = verifySsoToken(token, site.secret, Math.floor(Date.now() / 1000));
      expect(verified).toMatchObject({ ok: true, claims: { sub: 'gazette-reader-1', name: 'Gus Gazette' } });
      // Each load signs a new token: a token works once.
      const again = await (await fetch(`http://127.0.0.1:${port}${DEMO_HOST_PATH}`)).text();
      expect(/data-sso-token="([^"]+)"/.exec(again)![1]).not.toBe(token);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
