import { Injectable } from '@nestjs/common';
import { isStaff, type Viewer } from '../auth/viewer.js';
import { forbidden, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { CommentHistoryModel } from './models/comment-history.model.js';

/**
 * A comment's edit history for moderators and its author: every stored revision (an edit keeps
 * the text it replaced) and the current text, oldest first. Other readers never see earlier
 * versions: an edit may have removed what its author regretted.
 */
@Injectable()
export class CommentHistoryService {
  constructor(private readonly prisma: PrismaService) {}

  async history(commentId: string, viewer: Viewer): Promise<CommentHistoryModel> {
    const comment = await this.prisma.comment.findUnique({
      where: { id: commentId },
      select: {
        id: true,
        authorId: true,
        bodySource: true,
        bodyHtml: true,
        createdAt: true,
        editedAt: true,
        revisions: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { bodySource: true, bodyHtml: true, createdAt: true },
        },
      },
    });
    if (!comment) throw notFound('Comment', 'commentId');
    if (comment.authorId !== viewer.id && !isStaff(viewer)) {
      throw forbidden('Only its author and moderators see the versions of a comment');
    }
    // A revision's createdAt is when it was replaced, i.e. when the next version was written.
    const writtenAt = [comment.createdAt, ...comment.revisions.map((r) => r.createdAt)];
    const versions = [
      ...comment.revisions.map((r, i) => ({
        bodySource: r.bodySource,
        bodyHtml: r.bodyHtml,
        writtenAt: writtenAt[i]!,
      })),
      {
        bodySource: comment.bodySource,
        bodyHtml: comment.bodyHtml,
        writtenAt: comment.editedAt ?? writtenAt.at(-1)!,
      },
    ];
    return {
      commentId: comment.id,
      versions: versions.map((v, i) => ({ ...v, current: i === versions.length - 1 })),
    };
  }
}
