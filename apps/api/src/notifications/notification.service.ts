import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { NotificationListModel } from './models/notification.model.js';

/** A signed-in reader's own notifications (written by moderation decisions, see notification.writer.ts);
 * rows written only for mail (inApp false) are never listed. */
@Injectable()
export class NotificationService {
  constructor(private readonly prisma: PrismaService) {}

  async list(userId: string, first: number): Promise<NotificationListModel> {
    const [rows, unreadCount] = await Promise.all([
      this.prisma.notification.findMany({
        where: { userId, inApp: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: first,
        include: { comment: { select: { thread: { select: { article: { select: { slug: true } } } } } } },
      }),
      this.prisma.notification.count({ where: { userId, inApp: true, readAt: null } }),
    ]);
    return {
      unreadCount,
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        message: row.message,
        commentId: row.commentId,
        articleSlug: row.comment?.thread.article.slug ?? null,
        read: row.readAt !== null,
        createdAt: row.createdAt,
      })),
    };
  }

  /** Marks the given notifications (only the user's own), or all, read; returns how many changed. */
  async markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({
      where: { userId, inApp: true, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: new Date() },
    });
    return count;
  }
}
