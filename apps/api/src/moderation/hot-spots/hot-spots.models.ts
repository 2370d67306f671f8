import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FlagReason } from '../../generated/prisma/enums.js';

@ObjectType('FlagReasonCount')
export class FlagReasonCountModel {
  @Field(() => FlagReason) reason: FlagReason;
  @Field(() => Int) count: number;
}

@ObjectType('ModerationHotSpot', {
  description:
    'A passage of the current text and the moderation it drew over the period: the passages of overlapping threads merged into one.',
})
export class HotSpotModel {
  @Field(() => Int, { description: 'Start of the passage in the current revision (code points).' }) start: number;
  @Field(() => Int, { description: 'End of the passage (exclusive).' }) end: number;
  @Field(() => String, { description: 'The passage’s text.' }) quote: string;
  @Field(() => Int, { description: 'Reports filed on its comments.' }) flags: number;
  @Field(() => [FlagReasonCountModel]) flagReasons: FlagReasonCountModel[];
  @Field(() => Int, { description: 'Its comments held for a moderator now.' }) held: number;
  @Field(() => Int, { description: 'Its comments pending a decision now.' }) pending: number;
  @Field(() => Int, { description: 'Its comments rejected.' }) rejected: number;
  @Field(() => Int, { description: 'Its comments in all.' }) comments: number;
  @Field(() => Int, { description: 'flags + held + 2 × rejected: what the list is ranked by.' }) heat: number;
  @Field(() => [ID]) threadIds: string[];
}

@ObjectType('ModerationHotSpots')
export class HotSpotsModel {
  @Field(() => ID) articleId: string;
  @Field(() => ID, { nullable: true, description: 'The revision the passages are on.' }) revisionId: string | null;
  @Field(() => Date) from: Date;
  @Field(() => Date) to: Date;
  @Field(() => [HotSpotModel], { description: 'Hottest first; passages that drew nothing are left out.' })
  passages: HotSpotModel[];
}
