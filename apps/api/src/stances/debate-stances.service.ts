import { Injectable } from '@nestjs/common';
import { canonicalize, type Block, type PositionedBlock } from '@marginalia/content';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { DebateTopicStancesModel, StanceCountsModel } from './stance.models.js';
import { rootStancesSql, type RootStanceRow } from './stance-tally.sql.js';

const STANCE_KEY = {
  AGREE: 'agree',
  DISAGREE: 'disagree',
  QUESTION: 'question',
  EVIDENCE: 'evidence',
} as const satisfies Record<RootStanceRow['stance'], keyof StanceCountsModel>;

interface Topic {
  topic: string | null;
  start: number;
  sides: Map<string, Record<keyof StanceCountsModel, Set<string>>>;
}

/**
 * On a debate (turn blocks with a speaker), the stance of a thread's first comment on a turn
 * counts toward that turn's side, per topic (the turns after a heading). Replies are left out:
 * their stance is toward the comment they answer, not the turn. People are counted once per
 * side and stance.
 */
@Injectable()
export class DebateStancesService {
  constructor(private readonly prisma: PrismaService) {}

  /** Null when the article is not a debate. */
  async debateStances(articleId: string): Promise<DebateTopicStancesModel[] | null> {
    const article = await this.prisma.article.findUnique({
      where: { id: articleId },
      select: { id: true, currentRevision: { select: { id: true, blocks: true } } },
    });
    const revision = article?.currentRevision;
    if (!article || !revision) return null;
    const { blocks } = canonicalize(revision.blocks as unknown as Block[]);
    const topics = topicsOf(blocks);
    if (topics.length === 0) return null;
    const rows = await this.prisma.$queryRaw<RootStanceRow[]>(rootStancesSql(article.id, revision.id));
    for (const row of rows) {
      const turn = blockAt(blocks, row.start);
      if (!turn || turn.block.kind !== 'turn' || !turn.block.speaker) continue;
      const topic = topics.findLast((t) => t.start <= turn.block.start)!;
      topic.sides.get(turn.block.speaker)?.[STANCE_KEY[row.stance]].add(row.who);
    }
    return topics.map((t) => ({
      topic: t.topic,
      start: t.start,
      sides: [...t.sides].map(([speaker, s]) => ({
        speaker,
        stances: {
          agree: s.agree.size,
          disagree: s.disagree.size,
          question: s.question.size,
          evidence: s.evidence.size,
        },
      })),
    }));
  }
}

/** The topics that have turns: the turns after each heading (and before the first). */
function topicsOf(blocks: readonly PositionedBlock[]): Topic[] {
  const topics: Topic[] = [];
  let current: Topic = { topic: null, start: 0, sides: new Map() };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (current.sides.size > 0) topics.push(current);
      current = { topic: block.text, start: block.start, sides: new Map() };
    } else if (block.kind === 'turn' && block.speaker && !current.sides.has(block.speaker)) {
      current.sides.set(block.speaker, {
        agree: new Set(),
        disagree: new Set(),
        question: new Set(),
        evidence: new Set(),
      });
    }
  }
  if (current.sides.size > 0) topics.push(current);
  return topics;
}

/** The block containing a code-point offset (blocks are sorted and disjoint). */
function blockAt(blocks: readonly PositionedBlock[], offset: number): { block: PositionedBlock } | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end) lo = mid + 1;
    else return { block };
  }
  return undefined;
}
