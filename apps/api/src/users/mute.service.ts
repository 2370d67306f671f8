import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { badInput, notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { UserModel } from './models/user.model.js';

/** Most people one reader may mute (each adds a row read with every discussion they open). */
export const MAX_MUTES = 1000;

const USER_FIELDS = { id: true, handle: true, displayName: true, role: true, status: true, createdAt: true } as const;

/**
 * A reader's mutes: the muted person's comments show collapsed to them (thread.reader.ts via
 * discussion.sql.ts), and their replies and mentions notify them no more (notification.writer.ts).
 * Nobody is told; muting is private.
 */
@Injectable()
export class MuteService {
  constructor(private readonly prisma: PrismaService) {}

  async mute(userId: string, viewer: Viewer): Promise<UserModel[]> {
    if (userId === viewer.id) throw badInput('userId', 'You cannot mute yourself');
    const target = await this.prisma.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true } });
    if (!target) throw notFound('User', 'userId');
    if ((await this.prisma.userMute.count({ where: { userId: viewer.id } })) >= MAX_MUTES) {
      throw badInput('userId', `You can mute at most ${MAX_MUTES} people`);
    }
    await this.prisma.userMute.createMany({ data: [{ userId: viewer.id, mutedUserId: userId }], skipDuplicates: true });
    return this.list(viewer);
  }

  async unmute(userId: string, viewer: Viewer): Promise<UserModel[]> {
    await this.prisma.userMute.deleteMany({ where: { userId: viewer.id, mutedUserId: userId } });
    return this.list(viewer);
  }

  /** The people the viewer muted, most recent first. */
  async list(viewer: Viewer): Promise<UserModel[]> {
    const rows = await this.prisma.userMute.findMany({
      where: { userId: viewer.id },
      orderBy: { createdAt: 'desc' },
      select: { muted: { select: USER_FIELDS } },
    });
    return rows.map((r) => r.muted);
  }
}
