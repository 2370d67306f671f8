import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAX_BODY } from './comment.inputs.js';

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId: string;

  @Field()
  @IsString()
  @MaxLength(MAX_BODY, { message: `body must be at most ${MAX_BODY} characters` })
  body: string;
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
