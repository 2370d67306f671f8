import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestApi } from '../support/api-client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Response headers that protect a page: the set helmet gives the API's responses. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** The nginx config the compose file's web service uses. */
function composeNginxConfig(): string {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const source = /^COPY (\S+) \/etc\/nginx\/conf\.d\/default\.conf$/m.exec(dockerfile)?.[1];
  if (!source) throw new Error('The Dockerfile no longer copies an nginx config');
  return readFileSync(path.join(root, source), 'utf8');
}

/** `add_header` directives of the location block that serves the web client (`location / {`). */
function clientHeaders(config: string): Map<string, string> {
  const start = config.indexOf('location / {');
  if (start < 0) throw new Error('nginx config has no `location / {` block');
  let depth = 0;
  let end = start;
  for (let i = config.indexOf('{', start); i < config.length; i++) {
    if (config[i] === '{') depth++;
    if (config[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  const block = config.slice(start, end);
  const headers = new Map<string, string>();
  for (const match of block.matchAll(/add_header\s+([\w-]+)\s+"((?:[^"\\]|\\.)*)"\s+always;/g)) {
    headers.set(match[1]!.toLowerCase(), match[2]!);
  }
  return headers;
}

describe('security headers of the compose deployment', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it("serves the web client through nginx with the API's own security headers", async () => {
    const res = await fetch(`${api.url}/health`);
    const fromApi = new Map(
      SECURITY_HEADERS.flatMap((name) => (res.headers.has(name) ? [[name, res.headers.get(name)!]] : [])),
    );
    // The console's one-key shortcuts must not be clickable through a frame on another site.
    expect(fromApi.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(fromApi.size).toBeGreaterThanOrEqual(10);
    const fromNginx = clientHeaders(composeNginxConfig());
    expect(Object.fromEntries(fromNginx)).toEqual(Object.fromEntries(fromApi));
  });

  it('sends the embed to the API, which alone knows the origins each site lets frame it', () => {
    const config = composeNginxConfig();
    const proxied = /location ~ (\S+) \{\s*proxy_pass http:\/\/api:3000;/.exec(config)?.[1];
    if (!proxied) throw new Error('nginx config has no location forwarded to the API');
    const toApi = new RegExp(proxied);
    for (const url of ['/embed.js', '/embed/panel?site=x', '/embed/discussion', '/embed/sign-in', '/graphql']) {
      expect([url, toApi.test(url)]).toEqual([url, true]);
    }
    for (const url of ['/', '/a/some-article', '/embedding', '/assets/index.js']) {
      expect([url, toApi.test(url)]).toEqual([url, false]);
    }
    // The API image carries the web client it answers those pages with.
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'), dockerfile.indexOf('AS web'));
    const webDist = /^ENV WEB_DIST=(\S+)$/m.exec(runtime)?.[1];
    expect(webDist).toBeDefined();
    expect(runtime).toContain(`COPY --from=build --chown=node:node /app/apps/web/dist ${webDist}`);
  });
});
