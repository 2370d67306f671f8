import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ProfileArgs {
  @Field(() => String, { description: 'Any case: handles are unique whatever their case.' })
  @IsString()
  @MaxLength(64, { message: 'handle is too long' })
  handle: string;
}
