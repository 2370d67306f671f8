import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, server: LoopbackServer) => void;

/**
 * A node:http server on 127.0.0.1 (the only address URL-import tests may reach), with
 * routes by path and a log of the paths it was asked for.
 */
export class LoopbackServer {
  readonly requests: string[] = [];
  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(routes: Record<string, Route>): Promise<LoopbackServer> {
    const holder: { self?: LoopbackServer } = {};
    const server = http.createServer((req, res) => {
      const self = holder.self!;
      const path = (req.url ?? '/').split('?')[0]!;
      self.requests.push(path);
      const route = routes[path];
      if (route) route(req, res, self);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.self = new LoopbackServer(server, (server.address() as AddressInfo).port);
    return holder.self;
  }

  url(path = '/'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const send =
  (type: string, body: string | Buffer, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers }).end(body);
  };

export const redirect =
  (location: string | ((server: LoopbackServer) => string), status = 302): Route =>
  (_req, res, server) => {
    res.writeHead(status, { location: typeof location === 'string' ? location : location(server) }).end();
  };
