/** GraphQL documents of the stance views, next to the shapes they return. */
import type { StanceCounts } from './stance.ts';

export const CONTESTED_PASSAGES_QUERY = `
  query ContestedPassages($articleId: ID!) {
    contestedPassages(articleId: $articleId, first: 50) {
      start end quote stances { agree disagree question evidence } participants comments maxDepth score threadIds
    }
  }
`;

export interface ContestedPassage {
  start: number;
  end: number;
  quote: string;
  stances: StanceCounts;
  participants: number;
  comments: number;
  maxDepth: number;
  score: number;
  threadIds: string[];
}

export type ContestedResult = { contestedPassages: ContestedPassage[] };

export const DEBATE_STANCES_QUERY = `
  query DebateStances($slug: String!) {
    article(slug: $slug) {
      id
      debateStances { topic start sides { speaker stances { agree disagree question evidence } } }
    }
  }
`;

export interface DebateTopic {
  topic: string | null;
  start: number;
  sides: Array<{ speaker: string; stances: StanceCounts }>;
}

export type DebateStancesResult = { article: { id: string; debateStances: DebateTopic[] | null } | null };
