import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { ExactlyOneOf } from '../../common/exactly-one-of.validator.js';

/** Largest accepted body, in characters (the content package enforces the same in bytes). */
export const MAX_IMPORT_CHARS = 2 * 1024 * 1024;

export const ImportFormat = { text: 'text', markdown: 'markdown', html: 'html', bundle: 'bundle' } as const;
registerEnumType(ImportFormat, { name: 'ImportFormat' });

/** Where an import's content comes from: exactly one per import. */
export const IMPORT_SOURCES = ['text', 'markdown', 'html', 'url', 'bundle'] as const;

@InputType({ description: 'Exactly one of text, markdown, html, url or bundle.' })
export class ImportArticleInput {
  /** Not a GraphQL field: carries the rule that exactly one source is given (and names it in errors). */
  @ExactlyOneOf(IMPORT_SOURCES)
  readonly source?: never;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_IMPORT_CHARS)
  text?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_IMPORT_CHARS)
  markdown?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_IMPORT_CHARS)
  html?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2048)
  url?: string;

  @Field(() => String, { nullable: true, description: 'A marginalia.bundle JSON document.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_IMPORT_CHARS)
  bundle?: string;

  @Field(() => ImportFormat, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ImportFormat))
  format?: keyof typeof ImportFormat;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(80)
  slug?: string;
}
