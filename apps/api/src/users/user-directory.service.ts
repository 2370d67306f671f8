import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { UsersArgs } from './dto/users.args.js';
import { MODERATED_USER_SELECT, toModeratedUser } from './models/moderated-user.model.js';
import type { UserConnectionModel, UserSummaryModel } from './models/user-summary.model.js';
import { decodeTimeCursor, encodeTimeCursor } from '../infra/pagination/cursor.js';

/** The directory's one order: newest accounts first. */
const USERS_ORDER = 'users:newest';

interface FlagCountRow {
  authorId: string;
  flags: number;
  open: number;
}

/**
 * The staff directory of users, newest accounts first, by keyset pagination. A page costs two
 * statements whatever its size: the users (with their denormalized comment counts) and one
 * aggregate of the reports against their comments. Email addresses are searched and returned
 * for admins only.
 */
@Injectable()
export class UserDirectoryService {
  constructor(private readonly prisma: PrismaService) {}

  async list(args: UsersArgs, viewer: Viewer): Promise<UserConnectionModel> {
    const isAdmin = viewer.role === 'ADMIN';
    const where: Prisma.UserWhereInput[] = [];
    const text = args.query?.trim();
    if (text) {
      const contains = { contains: text, mode: 'insensitive' } as const;
      where.push({
        OR: [{ handle: contains }, { displayName: contains }, ...(isAdmin ? [{ email: contains }] : [])],
      });
    }
    if (args.role) where.push({ role: args.role });
    if (args.status) where.push({ status: args.status });
    const cursor = decodeTimeCursor(USERS_ORDER, args.after);
    if (cursor) {
      where.push({
        OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
      });
    }
    const rows = await this.prisma.user.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: args.first + 1,
      select: { ...MODERATED_USER_SELECT, email: isAdmin },
    });
    const page = rows.slice(0, args.first);
    const flags = await this.flagCounts(page.map((row) => row.id));
    const nodes = page.map((row): UserSummaryModel => {
      const counts = flags.get(row.id);
      return {
        ...toModeratedUser({ ...row, email: row.email ?? '' }),
        // Never carried for moderators, whatever resolves the field.
        email: isAdmin ? row.email : null,
        flagsReceived: counts?.flags ?? 0,
        openFlagsReceived: counts?.open ?? 0,
      };
    });
    const last = page.at(-1);
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeTimeCursor(USERS_ORDER, { createdAt: last.createdAt, id: last.id }) : null,
      },
    };
  }

  /** Reports against each author's comments, one statement for the whole page. */
  private async flagCounts(authorIds: string[]): Promise<Map<string, FlagCountRow>> {
    if (authorIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<FlagCountRow[]>`
      SELECT c."authorId", count(*)::int AS flags, (count(*) FILTER (WHERE NOT f.resolved))::int AS open
      FROM "Flag" f JOIN "Comment" c ON c.id = f."commentId"
      WHERE c."authorId" = ANY(${authorIds}::uuid[])
      GROUP BY c."authorId"`;
    return new Map(rows.map((row) => [row.authorId, row]));
  }
}
