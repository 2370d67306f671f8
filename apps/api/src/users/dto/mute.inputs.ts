import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class MuteUserArgs {
  @IsUUID('all', { message: 'userId must be an id' })
  @Field(() => ID)
  userId: string;
}
