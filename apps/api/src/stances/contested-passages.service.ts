import { Injectable } from '@nestjs/common';
import { CodePointIndex } from '@marginalia/anchoring/codepoints';
import { assertReadable } from '../articles/article-access.js';
import type { Viewer } from '../auth/viewer.js';
import { mergeOverlapping } from '../common/passage-groups.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { ContestedPassagesArgs } from './contested-passages.args.js';
import { contestedScore } from './contested-score.js';
import type { ContestedPassageModel } from './stance.models.js';
import { threadTallySql, type ThreadTallyRow } from './stance-tally.sql.js';

/**
 * Where readers disagree: the passages of the current text whose published discussion holds
 * both agreement and disagreement, most divided first (contested-score.ts). Threads whose
 * passages overlap are one passage, as in the moderators' hot spots; people are counted once
 * per passage, however many comments or threads they wrote there.
 */
@Injectable()
export class ContestedPassagesService {
  constructor(private readonly prisma: PrismaService) {}

  async contestedPassages(args: ContestedPassagesArgs, viewer: Viewer | null): Promise<ContestedPassageModel[]> {
    const article = await this.prisma.article.findUnique({
      where: { id: args.articleId },
      select: { id: true, state: true, currentRevision: { select: { id: true, canonicalText: true } } },
    });
    if (!article) throw notFound('Article', 'articleId');
    assertReadable(article, viewer, 'Article', 'articleId');
    const revision = article.currentRevision;
    if (!revision) return [];
    const rows = await this.prisma.$queryRaw<ThreadTallyRow[]>(threadTallySql(article.id, revision.id));
    const text = new CodePointIndex(revision.canonicalText);
    return mergeOverlapping(rows.sort((a, b) => a.start - b.start || a.end - b.end))
      .map((group) => toPassage(group, text))
      .filter((p) => p.stances.agree + p.stances.disagree > 0)
      .sort((a, b) => b.score - a.score || a.start - b.start)
      .slice(0, args.first);
  }
}

function toPassage(group: readonly ThreadTallyRow[], text: CodePointIndex): ContestedPassageModel {
  const start = Math.min(...group.map((t) => t.start));
  const end = Math.max(...group.map((t) => t.end));
  const people = (pick: (t: ThreadTallyRow) => readonly string[]): number =>
    new Set(group.flatMap((t) => pick(t))).size;
  const stances = {
    agree: people((t) => t.agree),
    disagree: people((t) => t.disagree),
    question: people((t) => t.question),
    evidence: people((t) => t.evidence),
  };
  const participants = people((t) => t.participants);
  const maxDepth = Math.max(...group.map((t) => t.maxDepth));
  return {
    start,
    end,
    quote: text.slice(start, Math.min(end, text.length)),
    stances,
    participants,
    comments: group.reduce((n, t) => n + t.comments, 0),
    maxDepth,
    score: contestedScore({ agree: stances.agree, disagree: stances.disagree, participants, maxDepth }),
    threadIds: group.map((t) => t.id),
  };
}
