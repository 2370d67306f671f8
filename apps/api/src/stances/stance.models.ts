import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StanceCounts', { description: 'People (not comments) who took each stance.' })
export class StanceCountsModel {
  @Field(() => Int) agree: number;
  @Field(() => Int) disagree: number;
  @Field(() => Int) question: number;
  @Field(() => Int) evidence: number;
}

@ObjectType('ContestedPassage', {
  description:
    'A passage of the current text and how divided its discussion is: the passages of overlapping threads merged into one; published comments only.',
})
export class ContestedPassageModel {
  @Field(() => Int, { description: 'Start of the passage in the current revision (code points).' }) start: number;
  @Field(() => Int, { description: 'End of the passage (exclusive).' }) end: number;
  @Field(() => String, { description: 'The passage’s text.' }) quote: string;
  @Field(() => StanceCountsModel) stances: StanceCountsModel;
  @Field(() => Int, { description: 'Distinct people who commented on it.' }) participants: number;
  @Field(() => Int, { description: 'Its published comments.' }) comments: number;
  @Field(() => Int, { description: 'The deepest reply level in its threads, counted up to 4 (0: no replies).' })
  maxDepth: number;
  @Field(() => Float, {
    description: 'balance × ln(1 + participants) × depth bonus (docs/discussion.md): what the list is ranked by.',
  })
  score: number;
  @Field(() => [ID]) threadIds: string[];
}

@ObjectType('DebateSideStances', { description: 'Stances readers took on the turns of one side of a debate topic.' })
export class DebateSideStancesModel {
  @Field(() => String, { description: 'The speaker label of the side\u2019s turns, e.g. "L" or "C".' }) speaker: string;
  @Field(() => StanceCountsModel) stances: StanceCountsModel;
}

@ObjectType('DebateTopicStances', { description: 'One topic of a debate (its turns after a heading).' })
export class DebateTopicStancesModel {
  @Field(() => String, { nullable: true, description: 'The heading; null for turns before any heading.' })
  topic: string | null;
  @Field(() => Int, { description: 'Where the topic starts in the current revision (code points).' }) start: number;
  @Field(() => [DebateSideStancesModel], {
    description: 'Each side that has turns in the topic, in order of speaking.',
  })
  sides: DebateSideStancesModel[];
}
