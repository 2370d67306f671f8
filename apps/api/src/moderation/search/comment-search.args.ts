import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CommentStatus } from '../../generated/prisma/enums.js';
import { AfterArgs } from '../../infra/pagination/after.args.js';

/** Largest page of search results. */
export const MAX_SEARCH_PAGE = 50;
/** Longest search query: a few phrases, not a document. */
export const MAX_SEARCH_QUERY = 200;

@ArgsType()
export class SearchCommentsArgs extends AfterArgs {
  @Field({
    description:
      'Words to find in comment bodies, web-search style: "exact phrase", -excluded, or. Words are stemmed ("edits" finds "edited").',
  })
  @IsString()
  @MaxLength(MAX_SEARCH_QUERY, { message: `query must be at most ${MAX_SEARCH_QUERY} characters` })
  @Matches(/[\p{L}\p{N}]/u, { message: 'query must contain a word' })
  query: string;

  @Field(() => CommentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CommentStatus)
  status?: CommentStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'authorId must be an id' })
  authorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The author’s handle (with or without @), or, for admins, their email address.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(320, { message: 'author must be at most 320 characters' })
  author?: string | null;

  @Field(() => Date, { nullable: true, description: 'Comments posted at or after this time.' })
  @IsOptional()
  @IsDate({ message: 'from must be a date' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Comments posted before this time.' })
  @IsOptional()
  @IsDate({ message: 'to must be a date' })
  to?: Date | null;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_SEARCH_PAGE, { message: `first must be at most ${MAX_SEARCH_PAGE}` })
  first: number = 20;
}
