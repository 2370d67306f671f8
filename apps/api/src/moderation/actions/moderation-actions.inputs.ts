import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FlagReason } from '../../flags/models/flag-reason.enum.js';

export const ModerationActionKind = { APPROVE: 'APPROVE', REJECT: 'REJECT', HOLD: 'HOLD' } as const;
export type ModerationActionKind = keyof typeof ModerationActionKind;
registerEnumType(ModerationActionKind, { name: 'ModerationActionKind' });

/** Most comment ids one bulk action may carry. */
export const MAX_BULK = 100;
const MAX_NOTE = 500;

@InputType()
export class ModerateCommentInput {
  @IsUUID()
  @Field(() => ID)
  commentId: string;

  @IsEnum(ModerationActionKind)
  @Field(() => ModerationActionKind)
  action: ModerationActionKind;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE)
  @Field(() => String, { nullable: true, description: 'A note for the audit log (not shown to the author).' })
  reason?: string;

  @IsOptional()
  @IsEnum(FlagReason)
  @Field(() => FlagReason, {
    nullable: true,
    description: 'For REJECT: the category its author sees (statusReason REJECTED_<category>).',
  })
  category?: FlagReason;
}

@InputType()
export class ModerateCommentsInput {
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK)
  @IsUUID('all', { each: true })
  @Field(() => [ID])
  commentIds: string[];

  @IsEnum(ModerationActionKind)
  @Field(() => ModerationActionKind)
  action: ModerationActionKind;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE)
  @Field(() => String, { nullable: true })
  reason?: string;

  @IsOptional()
  @IsEnum(FlagReason)
  @Field(() => FlagReason, { nullable: true })
  category?: FlagReason;
}

@ObjectType('ModerationResult', { description: 'The outcome for one comment of a (bulk) moderation action.' })
export class ModerationResultModel {
  @Field(() => ID) commentId: string;
  @Field() ok: boolean;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => String, { nullable: true, description: 'The error code when not ok (NOT_FOUND, BAD_USER_INPUT…).' })
  code: string | null;
}

@ArgsType()
export class ResolveFlagsArgs {
  @IsUUID('all', { message: 'commentId must be an id' })
  @Field(() => ID)
  commentId: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE, { message: `reason must be at most ${MAX_NOTE} characters` })
  @Field(() => String, { nullable: true, description: 'Why the reports are dismissed, for the audit log.' })
  reason?: string | null;
}
