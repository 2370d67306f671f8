import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DigestSentence', { description: 'A sentence a reader wrote, as written, and the comment it is from.' })
export class DigestSentenceModel {
  @Field(() => String)
  text: string;

  @Field(() => ID)
  commentId: string;
}

@ObjectType('DigestPassage', { description: 'The passage of the article a theme’s anchored comments point at.' })
export class DigestPassageModel {
  @Field(() => ID)
  threadId: string;

  @Field(() => String)
  quote: string;

  @Field(() => Int, { description: 'Start of the passage in the revision text (code points).' })
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('DigestTheme', { description: 'Comments grouped by what they are about.' })
export class DigestThemeModel {
  @Field(() => String, { description: 'The theme’s most distinctive terms, joined.' })
  label: string;

  @Field(() => [String])
  terms: string[];

  @Field(() => [DigestSentenceModel], { description: 'The sentences that best represent the theme.' })
  sentences: DigestSentenceModel[];

  @Field(() => [ID])
  commentIds: string[];

  @Field(() => DigestPassageModel, { nullable: true, description: 'Null when the theme is about the page as a whole.' })
  passage: DigestPassageModel | null;
}

@ObjectType('ArticleDigest', {
  description: 'What readers are saying: themes and open questions, built from the published comments.',
})
export class ArticleDigestModel {
  articleId: string;

  @Field(() => Date, { description: 'When the digest was built.' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Published comments the digest was built from.' })
  commentCount: number;

  @Field(() => [DigestThemeModel])
  themes: DigestThemeModel[];

  @Field(() => [DigestSentenceModel], { description: 'Questions readers asked that no published reply answers.' })
  openQuestions: DigestSentenceModel[];

  /** Read by the staff-only field resolver. */
  sources: string[];
}
