import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { DomainError } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { AuditAction } from '../moderation/audit/audit-action.js';

/** Setting row holding discussion options, e.g. `{ "editWindowMinutes": 15 }`. */
export const DISCUSSION_SETTING_KEY = 'discussion';

export interface DiscussionSettings {
  /** How long after posting an author may edit a comment. */
  editWindowMinutes: number;
  /**
   * Whether only authors with a verified address may comment; unset means the default: yes,
   * except in demo mode (where nobody can read the demo accounts' mail).
   */
  requireVerifiedEmailToComment?: boolean;
}

export const DEFAULT_DISCUSSION_SETTINGS: DiscussionSettings = { editWindowMinutes: 15 };

/** Reads a stored value leniently: anything missing or out of range falls back to the default. */
export function parseDiscussionSettings(value: unknown): DiscussionSettings {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const minutes = raw['editWindowMinutes'];
  const verified = raw['requireVerifiedEmailToComment'];
  return {
    editWindowMinutes:
      typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 && minutes <= 7 * 24 * 60
        ? minutes
        : DEFAULT_DISCUSSION_SETTINGS.editWindowMinutes,
    ...(typeof verified === 'boolean' ? { requireVerifiedEmailToComment: verified } : {}),
  };
}

@Injectable()
export class DiscussionSettingsService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(): Promise<DiscussionSettings> {
    const row = await this.prisma.setting.findUnique({ where: { key: DISCUSSION_SETTING_KEY } });
    return parseDiscussionSettings(row?.value);
  }

  /** Whether commenting needs a verified address: as stored, else yes outside demo mode. */
  async requireVerifiedEmailToComment(): Promise<boolean> {
    return (await this.get()).requireVerifiedEmailToComment ?? !this.config.DEMO_MODE;
  }

  /** Stores the choice beside the other discussion settings (which stay as they are). */
  /** Stores the setting; with an actor and a change, an UPDATE_SETTINGS audit row with before and after. */
  async setRequireVerifiedEmailToComment(value: boolean, actorId?: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${DISCUSSION_SETTING_KEY}))`;
      const row = await tx.setting.findUnique({ where: { key: DISCUSSION_SETTING_KEY } });
      const current = (
        row?.value && typeof row.value === 'object' && !Array.isArray(row.value) ? row.value : {}
      ) as Record<string, unknown>;
      const next = { ...current, requireVerifiedEmailToComment: value };
      await tx.setting.upsert({
        where: { key: DISCUSSION_SETTING_KEY },
        create: { key: DISCUSSION_SETTING_KEY, value: next },
        update: { value: next },
      });
      const was = current['requireVerifiedEmailToComment'];
      if (actorId && was !== value) {
        await tx.moderationAction.create({
          data: {
            actorId,
            action: 'UPDATE_SETTINGS' satisfies AuditAction,
            reason: `requireVerifiedEmailToComment: ${String(was ?? 'default')} → ${String(value)}`,
            before: { requireVerifiedEmailToComment: typeof was === 'boolean' ? was : null },
            after: { requireVerifiedEmailToComment: value },
          },
        });
      }
    });
  }

  /**
   * Refuses a comment by an author whose address is not verified, when the site requires it.
   * Refused rather than held: held comments from unproven accounts would fill the moderators'
   * queue with spam, and the author would wait for a decision instead of learning at once what
   * to do (follow the link in their mail), which is how Coral and Discourse behave too. A
   * reader signed in by a registered site (SSO) is vouched for by that site, as in Coral. Costs
   * statements only for unverified authors.
   */
  async assertMayComment(viewer: { id: string; emailVerified: boolean }): Promise<void> {
    if (viewer.emailVerified) return;
    if (!(await this.requireVerifiedEmailToComment())) return;
    const vouched = await this.prisma.siteIdentity.findFirst({ where: { userId: viewer.id }, select: { id: true } });
    if (!vouched) {
      throw new DomainError(
        'EMAIL_NOT_VERIFIED',
        'Confirm your email address to comment: follow the link we mailed you, or ask for a new one',
      );
    }
  }
}
