import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ArticleRefModel, PageInfoModel } from '../../comments/models/connection.model.js';
import { Role } from '../../generated/prisma/enums.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

/** What anyone may see of a user: no address, no sanctions. */
@ObjectType('Profile')
export class ProfileModel {
  @Field(() => ID) id: string;
  @Field(() => String) handle: string;
  @Field(() => String) displayName: string;
  @Field(() => String, { nullable: true, description: 'Plain text; line breaks are the author’s.' })
  bio: string | null;
  @Field(() => Date) joinedAt: Date;
  @Field(() => Role, { description: 'MODERATOR and ADMIN are shown as a staff badge.' }) role: Role;
}

/** One published comment on a profile, with where it was written. */
@ObjectType('ProfileComment')
export class ProfileCommentModel {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'Sanitized HTML rendered from the Markdown body.' }) bodyHtml: string;
  @Field(() => Date) postedAt: Date;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The passage its thread answers (the anchor's quote), or null for a page-level comment.",
  })
  passage: string | null;
  @Field(() => ArticleRefModel) article: ArticleRefModel;
  @Field(() => String, { description: 'Path of the comment in the reader: /a/<slug>/c/<id>.' }) permalink: string;
  @Field(() => Int) replyCount: number;
  @Field(() => Int) reactionCount: number;
}

@ObjectType('ProfileCommentConnection')
export class ProfileCommentConnectionModel {
  @Field(() => [ProfileCommentModel], { description: 'Newest first.', complexity: pageNodes })
  nodes: ProfileCommentModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
