import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { SelectorInput } from '../../comments/dto/comment.inputs.js';

@InputType()
export class ReattachThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'threadId must be an id' })
  threadId: string;

  @Field(() => SelectorInput, { description: 'The new passage, in the current revision.' })
  @ValidateNested()
  @Type(() => SelectorInput)
  selector: SelectorInput;
}
