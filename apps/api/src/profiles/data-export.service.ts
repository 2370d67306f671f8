import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { RateLimiter } from '../infra/redis/rate-limiter.js';
import { quoteOf } from './profile.service.js';

/** Exports a user may request per hour: each reads everything they ever wrote. */
export const EXPORTS_PER_HOUR = 10;

/** Version of the export's shape; raised when a field changes meaning or goes away. */
export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything Marginalia keeps about one user, as one JSON document: the account, every comment
 * they wrote (any status, with its article, passage and earlier versions), the reactions they
 * gave, the reports they filed, their notifications and notification settings.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly limiter: RateLimiter,
  ) {}

  async export(viewer: Viewer): Promise<Record<string, unknown>> {
    await this.limiter.consume('data-export', viewer.id, EXPORTS_PER_HOUR, 3600, 'Too many exports; try again later');
    const userId = viewer.id;
    const [account, comments, reactions, flags, notifications, preferences] = await Promise.all([
      this.prisma.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          handle: true,
          displayName: true,
          email: true,
          emailVerifiedAt: true,
          bio: true,
          timeZone: true,
          role: true,
          status: true,
          statusUntil: true,
          statusReason: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
      this.prisma.comment.findMany({
        where: { authorId: userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          parentId: true,
          status: true,
          statusReason: true,
          bodySource: true,
          bodyHtml: true,
          createdAt: true,
          editedAt: true,
          thread: {
            select: {
              id: true,
              anchor: true,
              originalAnchor: true,
              article: { select: { id: true, slug: true, title: true } },
            },
          },
          revisions: { orderBy: { createdAt: 'asc' }, select: { bodySource: true, bodyHtml: true, createdAt: true } },
        },
      }),
      this.prisma.reaction.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { commentId: true, kind: true, createdAt: true },
      }),
      this.prisma.flag.findMany({
        where: { reporterId: userId },
        orderBy: { createdAt: 'asc' },
        select: { commentId: true, reason: true, note: true, resolved: true, resolvedAt: true, createdAt: true },
      }),
      this.prisma.notification.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: { kind: true, message: true, commentId: true, readAt: true, createdAt: true },
      }),
      this.prisma.notificationPreference.findMany({
        where: { userId },
        orderBy: { kind: 'asc' },
        select: { kind: true, inApp: true, email: true },
      }),
    ]);
    return {
      format: 'marginalia-account-export',
      version: EXPORT_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      account,
      comments: comments.map(({ thread, ...comment }) => ({
        ...comment,
        thread: { id: thread.id, passage: quoteOf(thread.anchor) ?? quoteOf(thread.originalAnchor) },
        article: thread.article,
        permalink: `/a/${encodeURIComponent(thread.article.slug)}/c/${comment.id}`,
      })),
      reactions,
      flags,
      notifications,
      notificationPreferences: preferences,
    };
  }
}
