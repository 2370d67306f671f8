import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { DEFAULT_MODERATION_SETTINGS, validateModerationSettings, type ModerationSettings } from './pipeline/index.js';

const KEY = 'moderation';

/** Moderation settings stored in the Setting table, validated, with defaults for what is missing. */
@Injectable()
export class ModerationSettingsService {
  constructor(private readonly prisma: PrismaService) {}

  async get(): Promise<ModerationSettings> {
    const row = await this.prisma.setting.findUnique({ where: { key: KEY } });
    return row ? validateModerationSettings(row.value) : DEFAULT_MODERATION_SETTINGS;
  }
}
