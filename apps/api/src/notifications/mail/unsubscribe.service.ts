import { Inject, Injectable } from '@nestjs/common';
import type { NotificationKind } from '../../generated/prisma/enums.js';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/env.js';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS } from '../preferences/preference-defaults.js';
import { signUnsubscribe, verifyUnsubscribe, type UnsubscribeScope } from './unsubscribe-token.js';

export const UNSUBSCRIBE_PATH = '/unsubscribe';

/** One-click unsubscribe links and what they do: set the kind's (or the digest's kinds') email to OFF. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  url(userId: string, scope: UnsubscribeScope): string {
    const token = signUnsubscribe(this.config.JWT_SECRET, userId, scope);
    return `${this.config.PUBLIC_URL}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
  }

  /** Whether the token is one of ours (for the confirmation page); changes nothing. */
  check(token: string): UnsubscribeScope | null {
    return verifyUnsubscribe(this.config.JWT_SECRET, token)?.scope ?? null;
  }

  /** Turns the mail off; returns the scope, or null for a token that is not ours (or an account gone). */
  async unsubscribe(token: string): Promise<UnsubscribeScope | null> {
    const verified = verifyUnsubscribe(this.config.JWT_SECRET, token);
    if (!verified) return null;
    const { userId, scope } = verified;
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return null;
    const saved = await this.prisma.notificationPreference.findMany({ where: { userId } });
    const emailOf = (kind: NotificationKind) =>
      saved.find((p) => p.kind === kind)?.email ?? DEFAULT_PREFERENCES[kind].email;
    const kinds = scope === 'DIGEST' ? NOTIFICATION_KINDS.filter((k) => emailOf(k) === 'DAILY_DIGEST') : [scope];
    await this.prisma.$transaction(
      kinds.map((kind) =>
        this.prisma.notificationPreference.upsert({
          where: { userId_kind: { userId, kind } },
          create: { userId, kind, inApp: DEFAULT_PREFERENCES[kind].inApp, email: 'OFF' },
          update: { email: 'OFF' },
        }),
      ),
    );
    // Nothing more goes out in a digest that was turned off.
    if (scope === 'DIGEST' || kinds.length > 0) {
      await this.prisma.notification.updateMany({
        where: { userId, digestPending: true, kind: { in: kinds } },
        data: { digestPending: false },
      });
    }
    return scope;
  }
}
