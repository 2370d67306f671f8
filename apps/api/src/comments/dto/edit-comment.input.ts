import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAX_BODY, STANCE_MESSAGE } from './comment.inputs.js';
import { Stance } from '../models/discussion-enums.js';

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId: string;

  @Field()
  @IsString()
  @MaxLength(MAX_BODY, { message: `body must be at most ${MAX_BODY} characters` })
  body: string;

  @Field(() => Stance, {
    nullable: true,
    description: 'The new stance; null clears it, leaving it out keeps the current one.',
  })
  @IsOptional()
  @IsEnum(Stance, { message: STANCE_MESSAGE })
  stance?: Stance | null;
}

@InputType()
export class DeleteCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId: string;

  @Field(() => String, { nullable: true, description: 'Why a moderator removed it; kept in the audit log.' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string;
}
