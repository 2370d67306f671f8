import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';

/** Setting row holding discussion options, e.g. `{ "editWindowMinutes": 15 }`. */
export const DISCUSSION_SETTING_KEY = 'discussion';

export interface DiscussionSettings {
  /** How long after posting an author may edit a comment. */
  editWindowMinutes: number;
}

export const DEFAULT_DISCUSSION_SETTINGS: DiscussionSettings = { editWindowMinutes: 15 };

/** Reads a stored value leniently: anything missing or out of range falls back to the default. */
export function parseDiscussionSettings(value: unknown): DiscussionSettings {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const minutes = raw['editWindowMinutes'];
  return {
    editWindowMinutes:
      typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 && minutes <= 7 * 24 * 60
        ? minutes
        : DEFAULT_DISCUSSION_SETTINGS.editWindowMinutes,
  };
}

@Injectable()
export class DiscussionSettingsService {
  constructor(private readonly prisma: PrismaService) {}

  async get(): Promise<DiscussionSettings> {
    const row = await this.prisma.setting.findUnique({ where: { key: DISCUSSION_SETTING_KEY } });
    return parseDiscussionSettings(row?.value);
  }
}
