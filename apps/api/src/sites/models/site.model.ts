import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Site', { description: 'A publisher’s website that embeds Marginalia on its own pages.' })
export class SiteModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Normalised origins (scheme, host and port).' })
  origins: string[];

  @Field(() => Boolean)
  premod: boolean;

  @Field(() => Boolean)
  commentsOpen: boolean;

  @Field(() => Int)
  articleCount: number;

  @Field(() => String, { description: 'The HTML a publisher adds to an article page.' })
  embedSnippet: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('CreatedSite')
export class CreatedSiteModel {
  @Field(() => SiteModel)
  site: SiteModel;

  @Field(() => String, {
    description: 'Signs the site’s single sign-on tokens (HS256). Shown this once: store it on the publisher’s server.',
  })
  ssoSecret: string;
}
