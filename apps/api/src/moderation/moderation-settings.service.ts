import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import {
  DEFAULT_MODERATION_SETTINGS,
  SettingsError,
  validateModerationSettings,
  type ModerationSettings,
} from './pipeline/index.js';
import type { AuditAction } from './audit/audit-action.js';

/** The Setting row holding the moderation settings. */
export const SETTINGS_KEY = 'moderation';

/**
 * Moderation settings stored in the Setting table, validated, with defaults for what is
 * missing. Each read checks the row's update time (a tiny query) and reuses the validated,
 * frozen settings while it is unchanged: an edit applies to the very next comment in every
 * process, and the pipeline's matchers (cached on the settings' identity) are rebuilt only
 * after an edit. The moderation job reads the update time with its comment instead
 * (`isLatest`), and calls `get()` only when it changed.
 */
@Injectable()
export class ModerationSettingsService {
  private readonly logger = new Logger(ModerationSettingsService.name);
  private cached?: { stamp: number; settings: ModerationSettings };

  constructor(private readonly prisma: PrismaService) {}

  /** The settings of the last read (possibly stale): for work that can start before get() answers. */
  latest(): ModerationSettings {
    return this.cached?.settings ?? DEFAULT_MODERATION_SETTINGS;
  }

  /**
   * Whether `latest()` are the stored settings of update time `stamp` (epoch ms; null when
   * none are stored, which means the defaults).
   */
  isLatest(stamp: number | null): boolean {
    return (this.cached?.stamp ?? null) === stamp;
  }

  async get(): Promise<ModerationSettings> {
    const stamp = await this.prisma.setting.findUnique({ where: { key: SETTINGS_KEY }, select: { updatedAt: true } });
    if (!stamp) {
      this.cached = undefined;
      return DEFAULT_MODERATION_SETTINGS;
    }
    if (this.cached?.stamp === stamp.updatedAt.getTime()) return this.cached.settings;
    const row = await this.prisma.setting.findUnique({ where: { key: SETTINGS_KEY } });
    if (!row) return DEFAULT_MODERATION_SETTINGS;
    let settings: ModerationSettings;
    try {
      settings = validateModerationSettings(row.value);
    } catch (error) {
      // Only a code change can make stored settings invalid; moderate with the defaults meanwhile.
      this.logger.error({ err: error }, 'stored moderation settings are invalid; using the defaults');
      settings = DEFAULT_MODERATION_SETTINGS;
    }
    this.cached = { stamp: row.updatedAt.getTime(), settings };
    return settings;
  }

  /**
   * Applies a partial change (nested sections merge field by field; lists are replaced)
   * and stores the complete, validated result. Invalid values are BAD_USER_INPUT naming
   * the field, e.g. `spam.holdScore`.
   */
  /** Validates and stores a change; with an actor, an audit row names each setting changed. */
  async update(patch: Record<string, unknown>, actorId?: string): Promise<ModerationSettings> {
    const current = await this.get();
    let next: ModerationSettings;
    try {
      next = validateModerationSettings(mergeSettings(current, patch));
    } catch (error) {
      if (error instanceof SettingsError) throw badInput(error.field, error.message);
      throw error;
    }
    const value = next as unknown as Prisma.InputJsonValue;
    const changes = settingsChanges(current, next);
    await this.prisma.$transaction(async (tx) => {
      await tx.setting.upsert({
        where: { key: SETTINGS_KEY },
        create: { key: SETTINGS_KEY, value },
        update: { value },
      });
      if (actorId && changes.length > 0) {
        const { before, after } = changedSections(current, next);
        await tx.moderationAction.create({
          data: {
            actorId,
            action: 'UPDATE_SETTINGS' satisfies AuditAction,
            reason: changes.join('; ').slice(0, 2000),
            before,
            after,
          },
        });
      }
    });
    return next;
  }
}

/** The top-level settings (whole sections) whose value changed, before and after. */
export function changedSections(
  before: object,
  after: object,
): { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } {
  const was = before as Record<string, Prisma.InputJsonValue>;
  const now = after as Record<string, Prisma.InputJsonValue>;
  const keys = Object.keys(now).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, was[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, now[key] ?? null])),
  };
}

/**
 * What changed between two settings, one `path: before → after` per changed value; word
 * lists are summarised by what was added and removed (they can hold thousands of entries).
 */
export function settingsChanges(before: object, after: object, prefix = ''): string[] {
  const changes: string[] = [];
  const was = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    const path = `${prefix}${key}`;
    const old = was[key];
    if (isPlainObject(value) && isPlainObject(old)) changes.push(...settingsChanges(old, value, `${path}.`));
    else if (Array.isArray(value) && Array.isArray(old)) {
      const added = value.filter((v) => !old.includes(v));
      const removed = old.filter((v) => !value.includes(v));
      if (added.length > 0) changes.push(`${path}: added ${added.length} (${added.slice(0, 5).join(', ')})`);
      if (removed.length > 0) changes.push(`${path}: removed ${removed.length} (${removed.slice(0, 5).join(', ')})`);
    } else if (value !== old) changes.push(`${path}: ${String(old)} → ${String(value)}`);
  }
  return changes;
}

/** Deep merge of plain objects; arrays and scalars replace; null and undefined mean "unchanged". */
export function mergeSettings(base: object, patch: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    const existing = result[key];
    result[key] = isPlainObject(value) && isPlainObject(existing) ? mergeSettings(existing, value) : (value as unknown);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
