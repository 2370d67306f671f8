import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MAX_SITE_ORIGINS } from '../site-origin.js';

@InputType()
export class CreateSiteInput {
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  @Field()
  name: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'origins must list at least one origin' })
  @ArrayMaxSize(MAX_SITE_ORIGINS, { message: `origins may list at most ${MAX_SITE_ORIGINS} origins` })
  @IsString({ each: true })
  @Field(() => [String], { description: 'Where the site’s pages are served from, e.g. https://news.example.' })
  origins: string[];

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true, description: 'Hold every comment on the site’s articles for review.' })
  premod?: boolean | null;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true, description: 'Accept new comments on the site’s articles (default true).' })
  commentsOpen?: boolean | null;
}

@InputType()
export class UpdateSiteInput {
  @IsUUID('all', { message: 'siteId must be an id' })
  @Field(() => ID)
  siteId: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  @Field(() => String, { nullable: true })
  name?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'origins must list at least one origin' })
  @ArrayMaxSize(MAX_SITE_ORIGINS, { message: `origins may list at most ${MAX_SITE_ORIGINS} origins` })
  @IsString({ each: true })
  @Field(() => [String], { nullable: true })
  origins?: string[] | null;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true })
  premod?: boolean | null;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true })
  commentsOpen?: boolean | null;
}
