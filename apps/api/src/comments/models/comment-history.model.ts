import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CommentVersion', { description: 'One version of a comment’s text.' })
export class CommentVersionModel {
  @Field() bodySource: string;
  @Field() bodyHtml: string;
  @Field({ description: 'When this version was written (posted or edited).' }) writtenAt: Date;
  @Field({ description: 'Whether this is the text shown now.' }) current: boolean;
}

@ObjectType('CommentHistory', { description: 'Every version of a comment, oldest first.' })
export class CommentHistoryModel {
  @Field(() => ID) commentId: string;
  @Field(() => [CommentVersionModel]) versions: CommentVersionModel[];
}
