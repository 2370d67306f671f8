import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum EmbedArticleState {
  /** The article is imported: its threads can be shown and new ones started. */
  READY = 'READY',
  /** The page is being imported; until then only the page-level discussion is shown. */
  PENDING = 'PENDING',
}
registerEnumType(EmbedArticleState, { name: 'EmbedArticleState' });

@ObjectType('EmbedArticle', { description: 'The article a publisher’s page embeds, found by its URL.' })
export class EmbedArticleModel {
  @Field(() => EmbedArticleState)
  state: EmbedArticleState;

  @Field(() => String, { description: 'The URL the article is known by (no query or fragment).' })
  url: string;

  @Field(() => ID, { nullable: true })
  articleId: string | null;

  @Field(() => String, { nullable: true, description: 'Read the article and its discussion with article(slug).' })
  slug: string | null;

  @Field(() => Boolean, { description: 'The article (or, before it is imported, the site) accepts new comments.' })
  commentsOpen: boolean;
}
