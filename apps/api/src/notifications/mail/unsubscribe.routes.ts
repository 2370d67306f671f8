import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UNSUBSCRIBE_PATH, type UnsubscribeService } from './unsubscribe.service.js';
import type { UnsubscribeScope } from './unsubscribe-token.js';

const WHAT: Record<UnsubscribeScope, string> = {
  REPLY: 'emails about replies to your comments',
  MENTION: 'emails about mentions of you',
  MODERATION: 'emails about moderation of your comments',
  QUEUE_SUMMARY: 'the daily moderation queue summary by email',
  DIGEST: 'the daily digest email',
};

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (siteName: string, title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${escape(siteName)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const tokenOf = (request: FastifyRequest): string => {
  const token = (request.query as Record<string, unknown> | undefined)?.['token'];
  return typeof token === 'string' ? token : '';
};

/**
 * `GET /unsubscribe?token=…` shows a confirmation page with a button (mail clients and link
 * scanners fetch links: a GET changes nothing); `POST` — the button, or a mail client's
 * one-click request (RFC 8058: a form-encoded `List-Unsubscribe=One-Click` body) — turns the
 * mail off, no sign-in needed (plain Fastify routes: the body is not read, the token is in
 * the URL). The token is redacted from access logs (logging.module.ts).
 */
export function registerUnsubscribeRoutes(
  fastify: FastifyInstance,
  service: UnsubscribeService,
  siteName: string,
): void {
  const send = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);

  fastify.get(UNSUBSCRIBE_PATH, async (request, reply) => {
    const token = tokenOf(request);
    const what = service.check(token);
    if (!what)
      return send(
        reply,
        400,
        page(
          siteName,
          'This link does not work',
          '<p>Open the link from the latest message, or change your notification settings after signing in.</p>',
        ),
      );
    return send(
      reply,
      200,
      page(
        siteName,
        'Unsubscribe',
        `<p>Stop receiving ${escape(WHAT[what])}?</p>
<form method="post" action="${UNSUBSCRIBE_PATH}?token=${escape(encodeURIComponent(token))}">
<button type="submit">Unsubscribe</button></form>`,
      ),
    );
  });

  fastify.post(UNSUBSCRIBE_PATH, async (request, reply) => {
    const what = await service.unsubscribe(tokenOf(request));
    if (!what) return send(reply, 400, page(siteName, 'This link does not work', '<p>Nothing was changed.</p>'));
    return send(
      reply,
      200,
      page(
        siteName,
        'Unsubscribed',
        `<p>You will no longer receive ${escape(WHAT[what])}. You can turn it back on in your notification settings.</p>`,
      ),
    );
  });
}
