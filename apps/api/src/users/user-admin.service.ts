import { Injectable, Logger } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import type { Role } from '../generated/prisma/enums.js';
import { badInput, forbidden, notFound } from '../infra/errors/domain-error.js';
import { OutboxService } from '../infra/outbox/outbox.service.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import type { SetUserStatusInput } from './dto/user-admin.inputs.js';
import { MODERATED_USER_SELECT, toModeratedUser, type ModeratedUserModel } from './models/moderated-user.model.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';

/**
 * Sanctions and roles. Every change writes an audit row (ModerationAction with the target
 * user). Moderators act on readers only; admins on anyone but themselves, so nobody locks
 * themselves out.
 */
@Injectable()
export class UserAdminService {
  private readonly logger = new Logger(UserAdminService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobQueue,
  ) {}

  async setStatus(input: SetUserStatusInput, viewer: Viewer): Promise<ModeratedUserModel> {
    const target = await this.target(input.userId, viewer);
    const until = input.until ?? null;
    if (until && input.status === 'ACTIVE') throw badInput('until', 'Only a suspension or a ban can have an end');
    if (until && until.getTime() <= Date.now()) throw badInput('until', 'until must be in the future');
    const reason = input.reason.trim();
    const banning = input.status === 'BANNED';
    const outboxIds: string[] = [];
    const user = await this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: target.id },
        data: {
          status: input.status,
          statusUntil: until,
          statusReason: input.status === 'ACTIVE' ? null : reason,
          // A ban ends every session at once (tokens carry the version).
          ...(banning ? { tokenVersion: { increment: 1 } } : {}),
        },
        select: MODERATED_USER_SELECT,
      });
      await tx.moderationAction.create({
        data: {
          actorId: viewer.id,
          targetUserId: target.id,
          action: 'SET_STATUS' satisfies AuditAction,
          reason: `${target.status} → ${input.status}${until ? ` until ${until.toISOString()}` : ''}: ${reason}`,
        },
      });
      if (banning && input.rejectComments !== false) {
        outboxIds.push(
          await this.outbox.record(tx, 'reject-user-comments', { userId: target.id, actorId: viewer.id, reason }),
        );
      }
      return user;
    });
    await this.outbox.dispatch(outboxIds);
    if (until) await this.scheduleEnd(target.id, until);
    return toModeratedUser(user);
  }

  async setPremod(userId: string, on: boolean, viewer: Viewer): Promise<ModeratedUserModel> {
    const target = await this.target(userId, viewer);
    const [user] = await this.prisma.$transaction([
      this.prisma.user.update({ where: { id: target.id }, data: { premod: on }, select: MODERATED_USER_SELECT }),
      this.prisma.moderationAction.create({
        data: {
          actorId: viewer.id,
          targetUserId: target.id,
          action: 'SET_PREMOD' satisfies AuditAction,
          reason: on ? 'on' : 'off',
        },
      }),
    ]);
    return toModeratedUser(user);
  }

  /** ADMIN only (checked by the resolver's @Roles). */
  async setRole(userId: string, role: Role, viewer: Viewer): Promise<ModeratedUserModel> {
    const target = await this.target(userId, viewer);
    const [user] = await this.prisma.$transaction([
      this.prisma.user.update({ where: { id: target.id }, data: { role }, select: MODERATED_USER_SELECT }),
      this.prisma.moderationAction.create({
        data: {
          actorId: viewer.id,
          targetUserId: target.id,
          action: 'SET_ROLE' satisfies AuditAction,
          reason: `${target.role} → ${role}`,
        },
      }),
    ]);
    return toModeratedUser(user);
  }

  async get(userId: string): Promise<ModeratedUserModel> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: MODERATED_USER_SELECT });
    if (!user) throw notFound('User', 'id');
    return toModeratedUser(user);
  }

  private async target(userId: string, viewer: Viewer): Promise<{ id: string; role: Role; status: string }> {
    const target = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { id: true, role: true, status: true },
    });
    if (!target) throw notFound('User', 'userId');
    if (target.id === viewer.id) throw forbidden('You cannot change your own account here');
    if (viewer.role !== 'ADMIN' && target.role !== 'READER') {
      throw forbidden('Only an admin can sanction a moderator or an admin');
    }
    return target;
  }

  /**
   * The sanction ends by itself through a delayed job; its id names the sanction, so
   * setting the same end twice schedules it once, and a changed sanction makes the old
   * job a no-op (the handler compares the end time).
   */
  private async scheduleEnd(userId: string, until: Date): Promise<void> {
    const delay = Math.max(0, until.getTime() - Date.now());
    await this.jobs
      .add('end-sanction', { userId, until: until.toISOString() }, `end-sanction:${userId}:${until.getTime()}`, {
        delay,
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, userId }, 'could not schedule the end of a sanction; lift it by hand'),
      );
  }
}
