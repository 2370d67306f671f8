import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FlagReason } from '../models/flag-reason.enum.js';

export const MAX_FLAG_NOTE = 500;

@InputType()
export class FlagCommentInput {
  @IsUUID('all', { message: 'commentId must be an id' })
  @Field(() => ID)
  commentId: string;

  @IsEnum(FlagReason)
  @Field(() => FlagReason)
  reason: FlagReason;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_FLAG_NOTE, { message: `note must be at most ${MAX_FLAG_NOTE} characters` })
  @Field(() => String, { nullable: true, description: 'What moderators should know (shown to staff only).' })
  note?: string;
}
