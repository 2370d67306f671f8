import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import type { StoredAnchorJson } from '../comments/anchor-data.js';
import type { ThreadModel } from '../comments/models/comment.model.js';
import { verifiedAnchor } from '../comments/selector.js';
import { ThreadReader } from '../comments/thread.reader.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { EventBus } from '../realtime/event-bus.js';
import type { ReattachThreadInput } from './dto/reattach-thread.input.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';

/** A moderator places a thread (usually an orphan) on a new passage of the current text. */
@Injectable()
export class ReattachService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: ThreadReader,
    private readonly events: EventBus,
  ) {}

  async reattach(input: ReattachThreadInput, viewer: Viewer): Promise<ThreadModel> {
    const thread = await this.prisma.thread.findUnique({
      where: { id: input.threadId },
      select: {
        id: true,
        articleId: true,
        anchor: true,
        article: { select: { currentRevision: { select: { id: true, canonicalText: true } } } },
      },
    });
    if (!thread) throw notFound('Thread', 'threadId');
    const revision = thread.article.currentRevision;
    if (!revision) throw badInput('threadId', 'The article has no text to attach to');
    const anchor = verifiedAnchor(revision, input.selector);
    const previous = thread.anchor as unknown as StoredAnchorJson | null;
    await this.prisma.$transaction([
      this.prisma.thread.update({
        where: { id: thread.id },
        // originalAnchor stays what the thread was created on.
        data: {
          anchor: anchor as unknown as Prisma.InputJsonValue,
          anchorStatus: 'ANCHORED',
          anchorScore: 1,
          anchorStart: anchor.position.start,
          revisionId: revision.id,
        },
      }),
      this.prisma.moderationAction.create({
        data: {
          articleId: thread.articleId,
          actorId: viewer.id,
          action: 'REATTACH_THREAD' satisfies AuditAction,
          reason: `thread ${thread.id}: ${describeMove(previous, anchor)}`,
        },
      }),
    ]);
    await this.events
      .discussion({
        type: 'THREAD_REANCHORED',
        articleId: thread.articleId,
        threadId: thread.id,
        commentId: null,
        authorId: null,
        status: null,
      })
      .catch(() => undefined);
    const [view] = await this.reader.byIds([thread.id], viewer, true);
    return view!;
  }
}

function describeMove(previous: StoredAnchorJson | null, next: StoredAnchorJson): string {
  const from = previous ? `"${clip(previous.quote.exact)}"` : 'the whole page';
  return `from ${from} to "${clip(next.quote.exact)}" at ${next.position.start}–${next.position.end}`;
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
