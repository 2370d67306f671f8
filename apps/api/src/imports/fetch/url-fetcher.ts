import { Inject, Injectable, Optional } from '@nestjs/common';
import { MAX_IMPORT_BYTES, type ImportFormat } from '@marginalia/content';
import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { SiteOrigins } from '../../sites/site-origins.js';
import { AddressPolicy } from './address-policy.js';
import { FetchError } from './fetch-error.js';

export interface FetchedPage {
  /** Where the body finally came from, after redirects (base for relative links). */
  finalUrl: string;
  format: ImportFormat;
  /** Bytes when the page is UTF-8 (the content package checks them), else decoded text. */
  body: Uint8Array | string;
}

export type FetchSettings = Pick<AppConfig, 'IMPORT_ALLOWED_HOSTS' | 'IMPORT_FETCH_TIMEOUT_MS'>;

/** Origins an admin trusts (a registered site's): fetched from even at a private address. */
export type OriginTrust = Pick<SiteOrigins, 'isTrusted'>;

/** Redirects followed at most; each hop is resolved and checked again. */
export const MAX_REDIRECTS = 5;

const FORMATS: Record<string, ImportFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/json': 'bundle',
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TRANSIENT_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);

interface Target {
  address: string;
  family: 4 | 6;
}

/**
 * Fetches a page for a URL import, safely: only http(s); the host is resolved first and
 * every address checked against the AddressPolicy; the connection is pinned to the
 * checked address (no second DNS answer between check and connect); redirects are
 * followed by hand, each hop checked again; one deadline covers the whole fetch; the
 * body stops at MAX_IMPORT_BYTES (after decompression); only text types are accepted.
 * A hop to an origin an admin registered for a site skips the address check: the admin
 * vouched for it (a publisher's staging server on the intranet, say).
 */
@Injectable()
export class UrlFetcher {
  private readonly policy: AddressPolicy;

  constructor(
    @Inject(APP_CONFIG) private readonly settings: FetchSettings,
    @Optional() @Inject(SiteOrigins) private readonly trust?: OriginTrust,
  ) {
    this.policy = new AddressPolicy(settings.IMPORT_ALLOWED_HOSTS);
  }

  async fetch(rawUrl: string): Promise<FetchedPage> {
    const controller = new AbortController();
    const timeoutMs = this.settings.IMPORT_FETCH_TIMEOUT_MS;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let url = parseUrl(rawUrl);
      for (let hop = 0; ; hop++) {
        const target = await this.resolve(url, controller.signal);
        const response = await request(url, target, controller.signal);
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status)) {
          response.resume();
          const location = response.headers.location;
          if (!location) throw new FetchError('HTTP_ERROR', `${url.href} answered ${status} without a Location`);
          if (hop >= MAX_REDIRECTS) {
            throw new FetchError('TOO_MANY_REDIRECTS', `More than ${MAX_REDIRECTS} redirects, starting at ${rawUrl}`);
          }
          url = parseUrl(new URL(location, url).href);
          continue;
        }
        if (status < 200 || status > 299) {
          response.resume();
          const retryable = status >= 500 || status === 429 || status === 408;
          throw new FetchError('HTTP_ERROR', `${url.href} answered HTTP ${status}`, retryable);
        }
        return { finalUrl: url.href, ...(await readBody(response, url)) };
      }
    } catch (error) {
      if (controller.signal.aborted) {
        throw new FetchError('TIMEOUT', `Fetching ${rawUrl} took longer than ${timeoutMs} ms`, true);
      }
      throw networkError(error, rawUrl);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The address check alone: resolves the host and judges every address, connecting to
   * nothing. `fetch` runs the same check on every hop.
   */
  async vet(rawUrl: string): Promise<string> {
    const signal = AbortSignal.timeout(this.settings.IMPORT_FETCH_TIMEOUT_MS);
    return (await this.resolve(parseUrl(rawUrl), signal)).address;
  }

  /** Every address the host resolves to must pass; the first one is used. */
  private async resolve(url: URL, signal: AbortSignal): Promise<Target> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(host);
    const targets: Target[] = literal
      ? [{ address: host, family: literal as 4 | 6 }]
      : (await abortable(lookup(host, { all: true, verbatim: true }), signal)).map((a) => ({
          address: a.address,
          family: a.family as 4 | 6,
        }));
    if (targets.length === 0) throw new FetchError('UNREACHABLE', `${host} has no address`);
    if (await this.trust?.isTrusted(url.origin)) return targets[0]!;
    for (const target of targets) {
      const reason = this.policy.check(target.address, host);
      if (reason) {
        throw new FetchError(
          'BLOCKED_ADDRESS',
          `Refused to fetch ${url.href}: ${host} resolves to ${target.address}, a ${reason} address. ` +
            'An administrator can allow it with IMPORT_ALLOWED_HOSTS, or by registering its origin for a site.',
        );
      }
    }
    return targets[0]!;
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('BAD_URL', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('BAD_URL', `Only http and https URLs can be imported, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FetchError('BAD_URL', 'URLs with credentials cannot be imported');
  return url;
}

function request(url: URL, target: Target, signal: AbortSignal): Promise<IncomingMessage> {
  // The connection goes to the address that was checked, whatever DNS answers now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: pinned,
      signal,
      headers: {
        'user-agent': 'Marginalia-Import/1.0',
        accept: 'text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9, application/json;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage, url: URL): Promise<Pick<FetchedPage, 'format' | 'body'>> {
  const [type = '', ...params] = (response.headers['content-type'] ?? '').split(';').map((p) => p.trim());
  const format = FORMATS[type.toLowerCase()];
  if (!format) {
    response.resume();
    throw new FetchError(
      'UNSUPPORTED_TYPE',
      `${url.href} is ${type || 'of no declared type'}; URL imports read text/html, text/plain, text/markdown or application/json`,
    );
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) {
    response.resume();
    throw tooLarge(url, declared);
  }
  const bytes = await readCapped(decoded(response, url), url);
  const charset = params
    .map((p) => /^charset=("?)([\w.:-]+)\1$/i.exec(p)?.[2])
    .find(Boolean)
    ?.toLowerCase();
  const label = charset ?? (format === 'html' ? sniffHtmlCharset(bytes) : undefined);
  if (!label || label === 'utf-8' || label === 'utf8' || label === 'us-ascii') return { format, body: bytes };
  try {
    return { format, body: new TextDecoder(label).decode(bytes) };
  } catch {
    return { format, body: bytes }; // unknown label: let the content checks judge the bytes
  }
}

function decoded(response: IncomingMessage, url: URL): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  switch (encoding) {
    case 'identity':
      return response;
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      response.resume();
      throw new FetchError('UNSUPPORTED_TYPE', `${url.href} is sent with an unknown encoding "${encoding}"`);
  }
}

/** Reads at most MAX_IMPORT_BYTES and stops the transfer as soon as the body grows past it. */
async function readCapped(stream: Readable, url: URL): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > MAX_IMPORT_BYTES) {
      stream.destroy();
      throw tooLarge(url);
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function tooLarge(url: URL, declared?: number): FetchError {
  const size = declared === undefined ? 'more than' : `${declared} bytes;`;
  return new FetchError('TOO_LARGE', `${url.href} is ${size} the limit of ${MAX_IMPORT_BYTES} bytes (2 MiB)`);
}

function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function networkError(error: unknown, url: string): Error {
  if (error instanceof FetchError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND') return new FetchError('UNREACHABLE', `Could not find the host of ${url}`);
  if (code && TRANSIENT_NETWORK.has(code)) {
    return new FetchError('UNREACHABLE', `Could not reach ${url} (${code})`, true);
  }
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
    return new FetchError('UNREACHABLE', `Could not open a secure connection to ${url} (${code})`);
  }
  if (code?.startsWith('Z_') || code?.startsWith('ERR__ERROR')) {
    return new FetchError('UNREACHABLE', `${url} sent a body that does not decompress (${code})`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
