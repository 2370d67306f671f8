import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** Most imported authors claimed at once (one per source and spelling of a name is plenty). */
export const MAX_CLAIMED_AUTHORS = 50;

@InputType()
export class ClaimImportedAuthorsInput {
  @Field(() => [ID], { description: 'Imported authors listed by claimableImportedAuthors.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must name at least one imported author' })
  @ArrayMaxSize(MAX_CLAIMED_AUTHORS, { message: `ids must name at most ${MAX_CLAIMED_AUTHORS} imported authors` })
  @IsUUID('all', { each: true, message: 'ids must be ids' })
  ids: string[];
}
