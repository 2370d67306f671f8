import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../auth/viewer.js';
import { Prisma } from '../../generated/prisma/client.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../infra/pagination/cursor.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { ModerationQueueReader } from '../queues/moderation-queue.reader.js';
import type { SearchCommentsArgs } from './comment-search.args.js';
import type { CommentSearchPageModel, SearchSnippetPartModel } from './comment-search.models.js';

/** Marks ts_headline puts around matched words: control characters, removed from bodies first. */
const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
const ORDER = 'search:NEWEST';

interface HitRow {
  id: string;
  createdAt: Date;
  snippet: string;
}

/**
 * Moderator search over comment bodies: PostgreSQL full-text search on the generated,
 * GIN-indexed `searchVector` (English stemming), newest first with keyset pages, and
 * highlighted snippets from ts_headline — computed for the page's rows only, after the limit.
 */
@Injectable()
export class CommentSearch {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: ModerationQueueReader,
  ) {}

  async search(args: SearchCommentsArgs, viewer: Viewer): Promise<CommentSearchPageModel> {
    const authorId = args.author ? await this.authorIdOf(args.author, viewer) : args.authorId;
    if (authorId === null || (args.author && args.authorId && authorId !== args.authorId)) return empty();
    const cursor = decodeTimeCursor(ORDER, args.after);
    const filters: Prisma.Sql[] = [Prisma.sql`c."searchVector" @@ q.query`];
    if (args.status) filters.push(Prisma.sql`c.status = ${args.status}::"CommentStatus"`);
    if (authorId) filters.push(Prisma.sql`c."authorId" = ${authorId}::uuid`);
    if (args.articleId) {
      filters.push(Prisma.sql`c."articleId" = ${args.articleId}::uuid`);
    }
    if (args.from) filters.push(Prisma.sql`c."createdAt" >= ${utc(args.from)}`);
    if (args.to) filters.push(Prisma.sql`c."createdAt" < ${utc(args.to)}`);
    if (cursor) filters.push(Prisma.sql`(c."createdAt", c.id) < (${utc(cursor.createdAt)}, ${cursor.id}::uuid)`);
    const rows = await this.prisma.reads.$queryRaw<HitRow[]>`
      SELECT page.id, page."createdAt",
             ts_headline('english', translate(page."bodySource", ${START + STOP}, ''), page.query, ${HEADLINE_OPTIONS})
               AS snippet
        FROM (SELECT c.id, c."createdAt", c."bodySource", q.query
                FROM "Comment" c, websearch_to_tsquery('english', ${args.query}) AS q(query)
               WHERE ${Prisma.join(filters, ' AND ')}
               ORDER BY c."createdAt" DESC, c.id DESC
               LIMIT ${args.first + 1}) AS page
       ORDER BY page."createdAt" DESC, page.id DESC`;
    const pageRows = rows.slice(0, args.first);
    const items = new Map((await this.reader.byIds(pageRows.map((r) => r.id))).map((i) => [i.id, i]));
    const hits = pageRows.flatMap((row) => {
      const item = items.get(row.id);
      return item ? [{ item, snippet: snippetParts(row.snippet) }] : [];
    });
    const last = pageRows.at(-1);
    return {
      hits,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeTimeCursor(ORDER, { createdAt: last.createdAt, id: last.id }) : null,
      },
    };
  }

  /** The user named by handle (or, for admins, email); null when there is none. */
  private async authorIdOf(author: string, viewer: Viewer): Promise<string | null> {
    const name = author.trim();
    const byEmail = name.includes('@') && !name.startsWith('@');
    // Moderators work without readers' addresses (as User.email): an email finds no one for them.
    if (byEmail && viewer.role !== 'ADMIN') return null;
    const where: Prisma.UserWhereInput = byEmail
      ? { email: { equals: name, mode: 'insensitive' } }
      : { handle: { equals: name.replace(/^@/, ''), mode: 'insensitive' } };
    const user = await this.prisma.reads.user.findFirst({ where, select: { id: true } });
    return user?.id ?? null;
  }
}

/** Times are stored as UTC timestamps without a zone: compare in UTC whatever the session's zone. */
const utc = (at: Date): Prisma.Sql => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

function empty(): CommentSearchPageModel {
  return { hits: [], pageInfo: { hasNextPage: false, endCursor: null } };
}

/** ts_headline's marked text as plain pieces, matched or not (the client never parses HTML from it). */
export function snippetParts(marked: string): SearchSnippetPartModel[] {
  const parts: SearchSnippetPartModel[] = [];
  for (const [i, chunk] of marked.split(START).entries()) {
    const [inside, after] = i === 0 ? [null, chunk] : splitOnce(chunk, STOP);
    if (inside) parts.push({ text: inside, match: true });
    if (after) parts.push({ text: after, match: false });
  }
  return parts;
}

function splitOnce(text: string, mark: string): [string, string] {
  const at = text.indexOf(mark);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + mark.length)];
}
