import { Injectable } from '@nestjs/common';
import { isStaff, type Viewer } from '../auth/viewer.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { decodeTimeCursor, encodeTimeCursor } from '../infra/pagination/cursor.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { ProfileCommentsArgs } from './dto/profile-comments.args.js';
import type { UpdateProfileInput } from './dto/update-profile.input.js';
import type { ProfileCommentConnectionModel, ProfileCommentModel, ProfileModel } from './models/profile.model.js';

/** The only order of a profile's comments. */
const COMMENTS_ORDER = 'profile:newest';

const PROFILE_SELECT = {
  id: true,
  handle: true,
  displayName: true,
  bio: true,
  createdAt: true,
  role: true,
  status: true,
  deletedAt: true,
} as const;

const COMMENT_SELECT = {
  id: true,
  bodyHtml: true,
  createdAt: true,
  legacyPostedAt: true,
  editedAt: true,
  replyCount: true,
  reactionCount: true,
  thread: {
    select: { anchor: true, originalAnchor: true, article: { select: { id: true, slug: true, title: true } } },
  },
} as const;

type ProfileCommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_SELECT }>;

/** C0 controls other than tab and line breaks, and DEL: never part of a name or a bio. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Public profiles: who someone is (handle, name, bio, staff badge) and what they published.
 * A deleted account has no profile. A banned user's profile is gone for everyone but the staff,
 * as mentions of them stop being links; a suspension is between the user and the staff, so a
 * suspended user's profile looks like any other.
 */
@Injectable()
export class ProfileService {
  constructor(private readonly prisma: PrismaService) {}

  async byHandle(handle: string, viewer: Viewer | null): Promise<ProfileModel> {
    const user = await this.prisma.user.findFirst({
      where: { handle: { equals: handle.trim(), mode: 'insensitive' } },
      select: PROFILE_SELECT,
    });
    if (!user || user.deletedAt || (user.status === 'BANNED' && !isStaff(viewer))) throw notFound('User', 'handle');
    return toProfile(user);
  }

  async update(input: UpdateProfileInput, viewer: Viewer): Promise<ProfileModel> {
    const data: { displayName?: string; bio?: string | null } = {};
    if (input.displayName !== undefined && input.displayName !== null) {
      const displayName = input.displayName.trim();
      if (!displayName) throw badInput('displayName', 'displayName must be 1 to 80 characters');
      if (CONTROL.test(displayName)) throw badInput('displayName', 'displayName must not contain control characters');
      data.displayName = displayName;
    }
    if (input.bio !== undefined) {
      const bio = input.bio?.replace(/\r\n?/g, '\n').trim() ?? '';
      if (CONTROL.test(bio)) throw badInput('bio', 'bio must not contain control characters');
      data.bio = bio || null;
    }
    const user = await this.prisma.user.update({ where: { id: viewer.id }, data, select: PROFILE_SELECT });
    return toProfile(user);
  }

  /** The user's PUBLISHED comments, newest first, by keyset. */
  async comments(userId: string, args: ProfileCommentsArgs): Promise<ProfileCommentConnectionModel> {
    const cursor = decodeTimeCursor(COMMENTS_ORDER, args.after);
    const rows = await this.prisma.comment.findMany({
      where: {
        authorId: userId,
        status: 'PUBLISHED',
        ...(cursor && {
          OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
        }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: args.first + 1,
      select: COMMENT_SELECT,
    });
    const page = rows.slice(0, args.first);
    const last = page.at(-1);
    return {
      nodes: page.map(toProfileComment),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeTimeCursor(COMMENTS_ORDER, { createdAt: last.createdAt, id: last.id }) : null,
      },
    };
  }
}

function toProfile(user: {
  id: string;
  handle: string;
  displayName: string;
  bio: string | null;
  createdAt: Date;
  role: ProfileModel['role'];
}): ProfileModel {
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    bio: user.bio,
    joinedAt: user.createdAt,
    role: user.role,
  };
}

function toProfileComment(row: ProfileCommentRow): ProfileCommentModel {
  const { article } = row.thread;
  return {
    id: row.id,
    bodyHtml: row.bodyHtml,
    postedAt: row.legacyPostedAt ?? row.createdAt,
    editedAt: row.editedAt,
    passage: quoteOf(row.thread.anchor) ?? quoteOf(row.thread.originalAnchor),
    article,
    permalink: `/a/${encodeURIComponent(article.slug)}/c/${row.id}`,
    replyCount: row.replyCount,
    reactionCount: row.reactionCount,
  };
}

/** The exact quote of a stored anchor ({ quote: { exact } }), or null for a page-level thread. */
export function quoteOf(anchor: Prisma.JsonValue | null): string | null {
  if (!anchor || typeof anchor !== 'object' || Array.isArray(anchor)) return null;
  const quote = anchor['quote'];
  if (!quote || typeof quote !== 'object' || Array.isArray(quote)) return null;
  const exact = quote['exact'];
  return typeof exact === 'string' ? exact : null;
}
