import { renderMarkdown } from '../common/markdown.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput } from '../infra/errors/domain-error.js';
import { linkMentions, mentionedHandles } from './mentions.js';

/** Trimmed body; an empty one is refused (the maximum length is on the input classes). */
export function cleanBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw badInput('body', 'body must not be empty');
  return trimmed;
}

/** Markdown → sanitized HTML, with @mentions of existing users linked to their page. */
export async function renderBody(db: Prisma.TransactionClient, source: string): Promise<string> {
  const html = renderMarkdown(source);
  const handles = mentionedHandles(source);
  if (handles.length === 0) return html;
  const users = await db.user.findMany({
    where: { handle: { in: handles, mode: 'insensitive' }, status: { not: 'BANNED' } },
    select: { handle: true },
  });
  return linkMentions(html, new Map(users.map((u) => [u.handle.toLowerCase(), u.handle])));
}
