import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportedAuthor', {
  description: 'A commenter of an imported site history (WordPress, Disqus) whose comments a user may claim.',
})
export class ImportedAuthorModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The name the comments were signed with.' })
  displayName: string;

  @Field(() => String, { description: 'Where the comments came from: WordPress or Disqus.' })
  source: string;

  @Field(() => Int, { description: 'Imported comments signed by this author.' })
  commentCount: number;
}
