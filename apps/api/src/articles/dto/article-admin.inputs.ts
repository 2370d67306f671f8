import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { ArticleState } from '../../generated/prisma/enums.js';
import { ArticleStateEnum } from '../models/article.model.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 80;
const MAX_TITLE = 300;
const MAX_NAME = 200;

@ArgsType()
export class ArticleIdArgs {
  @IsUUID('all', { message: 'id must be an id' })
  @Field(() => ID)
  id: string;
}

@InputType({ description: 'Changes an article’s details; fields left out stay as they are, null clears.' })
export class UpdateArticleInput {
  @IsUUID('all', { message: 'articleId must be an id' })
  @Field(() => ID)
  articleId: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(MAX_TITLE, { message: `title must be at most ${MAX_TITLE} characters` })
  @Field(() => String, { nullable: true })
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME, { message: `author must be at most ${MAX_NAME} characters` })
  @Field(() => String, { nullable: true })
  author?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME, { message: `siteName must be at most ${MAX_NAME} characters` })
  @Field(() => String, { nullable: true })
  siteName?: string | null;

  @IsOptional()
  @IsDate({ message: 'publishedAt must be a date' })
  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @IsOptional()
  @Matches(SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(MAX_SLUG, { message: `slug must be at most ${MAX_SLUG} characters` })
  @Field(() => String, { nullable: true, description: 'A new slug; the old one keeps answering (a redirect).' })
  slug?: string;
}

@InputType()
export class SetArticleStateInput {
  @IsUUID('all', { message: 'articleId must be an id' })
  @Field(() => ID)
  articleId: string;

  @IsIn(Object.values(ArticleStateEnum), { message: 'state must be PUBLISHED, UNPUBLISHED or ARCHIVED' })
  @Field(() => ArticleStateEnum)
  state: ArticleState;
}

@InputType({ description: 'The article’s discussion switches; fields left out stay as they are.' })
export class SetArticleDiscussionInput {
  @IsUUID('all', { message: 'articleId must be an id' })
  @Field(() => ID)
  articleId: string;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true, description: 'Open or close; null follows the site’s default again.' })
  commentsOpen?: boolean | null;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true, description: 'Hold every new comment for a moderator.' })
  premod?: boolean;

  @IsOptional()
  @IsDate({ message: 'closesAt must be a date' })
  @Field(() => Date, { nullable: true, description: 'Close the discussion by itself at this time; null cancels.' })
  closesAt?: Date | null;
}

@InputType()
export class DeleteArticleInput {
  @IsUUID('all', { message: 'articleId must be an id' })
  @Field(() => ID)
  articleId: string;

  @IsString()
  @MaxLength(MAX_SLUG, { message: `confirmSlug must be at most ${MAX_SLUG} characters` })
  @Field({ description: 'The article’s slug, typed again: deleting removes its revisions and whole discussion.' })
  confirmSlug: string;
}
