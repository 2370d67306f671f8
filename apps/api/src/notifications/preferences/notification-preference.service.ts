import { Injectable } from '@nestjs/common';
import type { NotificationKind, Role } from '../../generated/prisma/enums.js';
import { badInput, forbidden } from '../../infra/errors/domain-error.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { NotificationSettingsModel } from './notification-preference.model.js';
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS, kindAppliesTo } from './preference-defaults.js';
import type { UpdateNotificationPreferencesInput } from './update-notification-preferences.input.js';

/** A name the runtime's time zone database knows, in its canonical spelling. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Which notifications a user gets, in-app and by mail, and the time zone of their digest. */
@Injectable()
export class NotificationPreferenceService {
  constructor(private readonly prisma: PrismaService) {}

  async get(userId: string, role: Role): Promise<NotificationSettingsModel> {
    const [rows, user] = await Promise.all([
      this.prisma.notificationPreference.findMany({ where: { userId } }),
      this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true } }),
    ]);
    const saved = new Map(rows.map((r) => [r.kind, r]));
    return {
      timeZone: user.timeZone,
      preferences: NOTIFICATION_KINDS.filter((kind) => kindAppliesTo(kind, role)).map((kind) => {
        const row = saved.get(kind);
        return {
          kind,
          inApp: row?.inApp ?? DEFAULT_PREFERENCES[kind].inApp,
          email: row?.email ?? DEFAULT_PREFERENCES[kind].email,
        };
      }),
    };
  }

  async update(
    userId: string,
    role: Role,
    input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationSettingsModel> {
    const seen = new Set<NotificationKind>();
    for (const { kind } of input.preferences) {
      if (seen.has(kind)) throw badInput('preferences', `${kind} is given twice`);
      seen.add(kind);
      if (!kindAppliesTo(kind, role)) throw forbidden(`${kind} notifications are for moderators and admins only`);
    }
    let timeZone: string | null = null;
    if (input.timeZone != null) {
      timeZone = canonicalTimeZone(input.timeZone);
      if (!timeZone) throw badInput('timeZone', 'timeZone must be an IANA time zone name, such as Europe/Paris');
    }
    await this.prisma.$transaction([
      ...input.preferences.map(({ kind, inApp, email }) =>
        this.prisma.notificationPreference.upsert({
          where: { userId_kind: { userId, kind } },
          create: { userId, kind, inApp, email },
          update: { inApp, email },
        }),
      ),
      ...(timeZone ? [this.prisma.user.update({ where: { id: userId }, data: { timeZone } })] : []),
    ]);
    return this.get(userId, role);
  }
}
