import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { ReactionKind } from '../models/discussion-enums.js';

@InputType()
export class ReactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId: string;

  @Field(() => ReactionKind)
  @IsEnum(ReactionKind, { message: `kind must be one of ${Object.keys(ReactionKind).join(', ')}` })
  kind: ReactionKind;
}

@InputType()
export class UnreactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId: string;

  @Field(() => ReactionKind)
  @IsEnum(ReactionKind, { message: `kind must be one of ${Object.keys(ReactionKind).join(', ')}` })
  kind: ReactionKind;
}
