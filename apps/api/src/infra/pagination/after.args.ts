import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The `after` argument every keyset page takes (cursor.ts makes and reads it). */
@ArgsType()
export class AfterArgs {
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'after is not a valid cursor' })
  after?: string | null;
}
