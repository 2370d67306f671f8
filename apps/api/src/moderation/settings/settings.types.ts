import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';

// Ranges are checked by validateModerationSettings (pipeline/settings.ts), the single source
// of truth shared with stored settings; these classes only describe the shape.

export const ToxicityAction = { HELD: 'HELD', REJECTED: 'REJECTED' } as const;
registerEnumType(ToxicityAction, { name: 'ToxicityAction' });

@ObjectType('SpamSettings')
export class SpamSettingsModel {
  @Field(() => Int) maxRepeatedCharRun: number;
  @Field(() => Float) shoutingRatio: number;
  @Field(() => Int) shoutingMinLetters: number;
  @Field(() => [String]) phrases: readonly string[];
  @Field(() => Float) maxLinkDensity: number;
  @Field(() => Float) holdScore: number;
}

@ObjectType('ToxicitySettings')
export class ToxicitySettingsModel {
  @Field() enabled: boolean;
  @Field(() => [String]) allowList: readonly string[];
  @Field(() => ToxicityAction) action: keyof typeof ToxicityAction;
}

@ObjectType('HistorySettings')
export class HistorySettingsModel {
  @Field(() => Int) windowDays: number;
  @Field(() => Int) minComments: number;
  @Field(() => Float) maxRejectionRate: number;
}

@ObjectType('ModerationSettings', { description: 'What the automatic pipeline checks, and the flag threshold.' })
export class ModerationSettingsModel {
  @Field(() => Int) minLength: number;
  @Field(() => Int) maxLength: number;
  @Field(() => [String]) bannedWords: readonly string[];
  @Field(() => [String]) suspectWords: readonly string[];
  @Field(() => Int) maxLinks: number;
  @Field(() => [String]) allowedLinkDomains: readonly string[];
  @Field(() => [String]) blockedLinkDomains: readonly string[];
  @Field(() => Int) repeatWindowMinutes: number;
  @Field(() => Float) repeatSimilarity: number;
  @Field(() => SpamSettingsModel) spam: SpamSettingsModel;
  @Field(() => ToxicitySettingsModel) toxicity: ToxicitySettingsModel;
  @Field(() => HistorySettingsModel) history: HistorySettingsModel;
  @Field(() => Int) newCommenterHold: number;
  @Field() premodAll: boolean;
  @Field(() => Int, {
    description: 'Distinct flaggers with standing from which a published comment is hidden for review.',
  })
  flagThreshold: number;
  @Field(() => Int, { description: 'Hours an account must exist before its flags count toward hiding.' })
  flagStandingMinAccountAgeHours: number;
  @Field(() => Int, { description: 'Published comments an account needs before its flags count toward hiding.' })
  flagStandingMinPublishedComments: number;
}

@InputType()
export class SpamSettingsInput {
  @IsOptional() @Field(() => Int, { nullable: true }) maxRepeatedCharRun?: number;
  @IsOptional() @Field(() => Float, { nullable: true }) shoutingRatio?: number;
  @IsOptional() @Field(() => Int, { nullable: true }) shoutingMinLetters?: number;
  @IsOptional() @Field(() => [String], { nullable: true }) phrases?: string[];
  @IsOptional() @Field(() => Float, { nullable: true }) maxLinkDensity?: number;
  @IsOptional() @Field(() => Float, { nullable: true }) holdScore?: number;
}

@InputType()
export class ToxicitySettingsInput {
  @IsOptional() @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @IsOptional() @Field(() => [String], { nullable: true }) allowList?: string[];
  @IsOptional() @Field(() => ToxicityAction, { nullable: true }) action?: keyof typeof ToxicityAction;
}

@InputType()
export class HistorySettingsInput {
  @IsOptional() @Field(() => Int, { nullable: true }) windowDays?: number;
  @IsOptional() @Field(() => Int, { nullable: true }) minComments?: number;
  @IsOptional() @Field(() => Float, { nullable: true }) maxRejectionRate?: number;
}

@InputType({ description: 'A partial change: omitted fields keep their value; lists are replaced whole.' })
export class UpdateModerationSettingsInput {
  @IsOptional() @Field(() => Int, { nullable: true }) minLength?: number;
  @IsOptional() @Field(() => Int, { nullable: true }) maxLength?: number;
  @IsOptional() @Field(() => [String], { nullable: true }) bannedWords?: string[];
  @IsOptional() @Field(() => [String], { nullable: true }) suspectWords?: string[];
  @IsOptional() @Field(() => Int, { nullable: true }) maxLinks?: number;
  @IsOptional() @Field(() => [String], { nullable: true }) allowedLinkDomains?: string[];
  @IsOptional() @Field(() => [String], { nullable: true }) blockedLinkDomains?: string[];
  @IsOptional() @Field(() => Int, { nullable: true }) repeatWindowMinutes?: number;
  @IsOptional() @Field(() => Float, { nullable: true }) repeatSimilarity?: number;
  @IsOptional()
  @ValidateNested()
  @Type(() => SpamSettingsInput)
  @Field(() => SpamSettingsInput, { nullable: true })
  spam?: SpamSettingsInput;
  @IsOptional()
  @ValidateNested()
  @Type(() => ToxicitySettingsInput)
  @Field(() => ToxicitySettingsInput, { nullable: true })
  toxicity?: ToxicitySettingsInput;
  @IsOptional()
  @ValidateNested()
  @Type(() => HistorySettingsInput)
  @Field(() => HistorySettingsInput, { nullable: true })
  history?: HistorySettingsInput;
  @IsOptional() @Field(() => Int, { nullable: true }) newCommenterHold?: number;
  @IsOptional() @Field(() => Boolean, { nullable: true }) premodAll?: boolean;
  @IsOptional() @Field(() => Int, { nullable: true }) flagThreshold?: number;
  @IsOptional() @Field(() => Int, { nullable: true }) flagStandingMinAccountAgeHours?: number;
  @IsOptional() @Field(() => Int, { nullable: true }) flagStandingMinPublishedComments?: number;
  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, {
    nullable: true,
    description: 'Refuse comments by authors whose address is not verified (code EMAIL_NOT_VERIFIED).',
  })
  requireVerifiedEmailToComment?: boolean;
}
