import { Logger } from '@nestjs/common';
import type WebSocket from 'ws';
import type { TokenSession } from '../../auth/token-viewer.service.js';
import type { Viewer } from '../../auth/viewer.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * Close codes (graphql-ws' own): a socket closed with 4403 is retried by graphql-ws clients
 * (the web client reconnects with its current token); 4401 and 4429 are final for them.
 */
export const CLOSE_FORBIDDEN = 4403;

/** Whether the viewer a socket was opened for still holds; a problem closes the socket. */
export type ViewerCheck = (session: TokenSession) => Promise<'ok' | string>;

export interface LiveSocketOptions {
  /** How often a signed-in socket's viewer is checked again (SUBSCRIPTION_RECHECK_MS). */
  recheckMs: number;
  /** Subscriptions one socket may hold at once (MAX_SUBSCRIPTIONS_PER_SOCKET). */
  maxSubscriptions: number;
  check: ViewerCheck;
}

const logger = new Logger('LiveSocket');

/** Variables are kept for a subscription id until its subscribe hook reads them; at most this many. */
const MAX_PENDING_VARIABLES = 100;

/**
 * One websocket's state beyond what Mercurius keeps: its viewer session, re-checked while the
 * socket is open (role, status, token version every `recheckMs`, and the token's expiry), its
 * subscriptions (capped), and the variables of each subscribe message, which Mercurius' hooks
 * do not receive. Anonymous sockets have nothing to re-check: no timer, no database read.
 */
export class LiveSocket {
  private readonly subscriptions = new Set<string>();
  private readonly variables = new Map<string, Record<string, unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    readonly session: TokenSession | null,
    private readonly options: LiveSocketOptions,
  ) {
    socket.on('message', (data: WebSocket.RawData) => this.noteVariables(data));
    socket.once('close', () => this.stop());
    if (!session) return;
    // Node timers hold at most 2^31-1 ms; a longer-lived token is re-checked on the interval.
    const untilExpiry = session.claims.exp * 1000 - Date.now();
    if (untilExpiry <= 2_147_483_647) {
      this.timers.push(setTimeout(() => this.close('Your session expired; sign in again'), Math.max(0, untilExpiry)));
    }
    this.timers.push(setInterval(() => void this.recheck(), options.recheckMs));
    for (const timer of this.timers) timer.unref();
  }

  get viewer(): Viewer | null {
    return this.session?.viewer ?? null;
  }

  /** Registers a starting subscription; refuses one past the cap. */
  begin(id: string): void {
    if (!this.subscriptions.has(id) && this.subscriptions.size >= this.options.maxSubscriptions) {
      throw new DomainError(
        'TOO_MANY_SUBSCRIPTIONS',
        `At most ${this.options.maxSubscriptions} subscriptions per connection; stop one or open another connection`,
        undefined,
        { limit: this.options.maxSubscriptions },
      );
    }
    this.subscriptions.add(id);
  }

  end(id: string): void {
    this.subscriptions.delete(id);
  }

  /** The variables the client sent with subscription `id` (read once). */
  variablesOf(id: string): Record<string, unknown> | undefined {
    const variables = this.variables.get(id);
    this.variables.delete(id);
    return variables;
  }

  /** Checks the viewer again now; closes the socket if they no longer hold. */
  async recheck(): Promise<void> {
    if (!this.session || this.closed) return;
    try {
      const outcome = await this.options.check(this.session);
      if (outcome !== 'ok') this.close(outcome);
    } catch (error) {
      // The database is unreachable: that says nothing about the viewer; try again next time.
      logger.warn({ err: error }, 'could not re-check the viewer of a websocket');
    }
  }

  private noteVariables(data: WebSocket.RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return; // Mercurius answers malformed messages itself.
    }
    const { id, type, payload } = (message ?? {}) as { id?: unknown; type?: unknown; payload?: unknown };
    if ((type !== 'subscribe' && type !== 'start') || typeof id !== 'string') return;
    const variables = (payload as { variables?: unknown } | undefined)?.variables;
    if (this.variables.size >= MAX_PENDING_VARIABLES) this.variables.clear();
    if (variables && typeof variables === 'object') this.variables.set(id, variables as Record<string, unknown>);
  }

  private close(reason: string): void {
    if (this.closed) return;
    this.stop();
    this.socket.close(CLOSE_FORBIDDEN, reason.slice(0, 120));
  }

  private stop(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
    this.subscriptions.clear();
    this.variables.clear();
  }
}

/**
 * The check a socket's viewer must pass again: the token's version still current, the account
 * not banned (loadViewer), and the role and status the socket was opened with unchanged (a
 * demoted moderator's socket closes; the client reconnects with what they are now).
 */
export function viewerCheck(load: (session: TokenSession) => Promise<Viewer>): ViewerCheck {
  return async (session) => {
    let now: Viewer;
    try {
      now = await load(session);
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
    if (now.role !== session.viewer.role) return 'Your role changed; reconnect';
    if (now.status !== session.viewer.status) return 'Your account status changed; reconnect';
    return 'ok';
  };
}
