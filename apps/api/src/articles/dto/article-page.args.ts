import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { AfterArgs } from '../../infra/pagination/after.args.js';

export const ArticleOrder = { NEWEST: 'NEWEST', MOST_DISCUSSED: 'MOST_DISCUSSED' } as const;
export type ArticleOrder = (typeof ArticleOrder)[keyof typeof ArticleOrder];
registerEnumType(ArticleOrder, { name: 'ArticleOrder' });

/** Largest page of articles: each may bring its discussion, which the cost limit counts. */
export const MAX_ARTICLE_PAGE = 50;
export const MAX_REVISION_PAGE = 50;

@ArgsType()
export class ArticlePageArgs extends AfterArgs {
  @Field(() => String, { nullable: true, description: 'Part of the title, any case.' })
  @IsOptional()
  @IsString()
  search?: string | null;

  @Field(() => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.NEWEST })
  @IsOptional()
  @IsEnum(ArticleOrder)
  orderBy?: ArticleOrder | null = ArticleOrder.NEWEST;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_ARTICLE_PAGE, { message: `first must be at most ${MAX_ARTICLE_PAGE}` })
  first: number = 20;
}

@ArgsType()
export class RevisionPageArgs extends AfterArgs {
  @Field(() => Int, { defaultValue: 10 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_REVISION_PAGE, { message: `first must be at most ${MAX_REVISION_PAGE}` })
  first: number = 10;
}
