import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What a revision did to a thread, as last evaluated against it. */
export const RevisionThreadOutcome = {
  /** Started on this revision, or found again at the same place. */
  ANCHORED: 'ANCHORED',
  /** Found again exactly, at another place than it was first anchored. */
  MOVED: 'MOVED',
  /** Found again approximately: a moderator may confirm the passage. */
  FUZZY: 'FUZZY',
  /** Not found in this revision's text: re-attach it by hand. */
  ORPHANED: 'ORPHANED',
} as const;
export type RevisionThreadOutcome = (typeof RevisionThreadOutcome)[keyof typeof RevisionThreadOutcome];
registerEnumType(RevisionThreadOutcome, { name: 'RevisionThreadOutcome' });

@ObjectType('RevisionThread', { description: 'A thread as this revision left it (staff only).' })
export class RevisionThreadModel {
  @Field(() => ID) threadId: string;
  @Field(() => RevisionThreadOutcome) outcome: RevisionThreadOutcome;
  @Field({ description: 'The passage where it is now, or (orphaned) where it was last seen.' }) quote: string;
  @Field(() => String, { nullable: true, description: 'The passage as first quoted, when it differs.' })
  originalQuote: string | null;
  @Field(() => Int) commentCount: number;
}
