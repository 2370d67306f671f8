import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AfterArgs } from '../../infra/pagination/after.args.js';
import { AUDIT_ACTIONS, type AuditAction } from './audit-action.js';

/** Largest page of the audit trail. */
export const MAX_AUDIT_PAGE = 200;
/** Most rows one CSV export holds (newest first); narrow the filter for older ones. */
export const MAX_AUDIT_EXPORT = 10_000;

@InputType()
export class AuditLogFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Entries about this user: sanctions, roles, decisions on their comments.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries on this article and its comments.' })
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Entries by this moderator or admin.' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be an id' })
  actorId?: string | null;

  @Field(() => [String], { nullable: true, description: `Any of ${AUDIT_ACTIONS.join(', ')}.` })
  @IsOptional()
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, { each: true, message: 'actions must be audit actions' })
  actions?: AuditAction[] | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  @IsOptional()
  @IsDate({ message: 'from must be a date' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this time.' })
  @IsOptional()
  @IsDate({ message: 'to must be a date' })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends AfterArgs {
  @Field(() => AuditLogFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_AUDIT_PAGE, { message: `first must be at most ${MAX_AUDIT_PAGE}` })
  first: number = 50;
}

@ArgsType()
export class AuditLogExportArgs {
  @Field(() => AuditLogFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput | null;
}
