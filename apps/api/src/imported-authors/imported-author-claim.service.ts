import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { DomainError } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import type { ClaimImportedAuthorsInput } from './dto/claim-imported-authors.input.js';
import type { ImportedAuthorModel } from './imported-author.model.js';

function sourceOf(importKey: string): string {
  return importKey.startsWith('disqus') ? 'Disqus' : 'WordPress';
}

/**
 * Imported comments signed with a user's address become theirs: the user lists the imported
 * authors that share their verified address and claims them, and those comments then show
 * the user as their author. Only a verified address may claim (anyone can type an address).
 */
@Injectable()
export class ImportedAuthorClaimService {
  constructor(private readonly prisma: PrismaService) {}

  async claimable(viewer: Viewer): Promise<ImportedAuthorModel[]> {
    const email = await this.verifiedEmail(viewer);
    const rows = await this.prisma.importedAuthor.findMany({
      where: { email, claimedById: null },
      orderBy: { createdAt: 'asc' },
      take: 100,
      select: { id: true, displayName: true, importKey: true, _count: { select: { comments: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      source: sourceOf(row.importKey),
      commentCount: row._count.comments,
    }));
  }

  async claim(input: ClaimImportedAuthorsInput, viewer: Viewer): Promise<ImportedAuthorModel[]> {
    const email = await this.verifiedEmail(viewer);
    const ids = [...new Set(input.ids)];
    return this.prisma.$transaction(async (tx) => {
      const authors = await tx.importedAuthor.findMany({
        where: { id: { in: ids }, email, claimedById: null },
        select: { id: true, displayName: true, importKey: true },
      });
      if (authors.length !== ids.length) {
        throw new DomainError(
          'NOT_FOUND',
          'Some of these imported authors are not yours to claim: they carry another address or were claimed already',
          'ids',
        );
      }
      await tx.importedAuthor.updateMany({
        where: { id: { in: ids }, claimedById: null },
        data: { claimedById: viewer.id, claimedAt: new Date() },
      });
      await tx.comment.updateMany({
        where: { importedAuthorId: { in: ids }, authorId: null },
        data: { authorId: viewer.id },
      });
      const published = await tx.comment.count({ where: { importedAuthorId: { in: ids }, status: 'PUBLISHED' } });
      if (published > 0)
        await tx.user.update({ where: { id: viewer.id }, data: { commentCount: { increment: published } } });
      const counts = await tx.comment.groupBy({
        by: ['importedAuthorId'],
        where: { importedAuthorId: { in: ids } },
        _count: { _all: true },
      });
      const countOf = new Map(counts.map((c) => [c.importedAuthorId, c._count._all]));
      return authors.map((a) => ({
        id: a.id,
        displayName: a.displayName,
        source: sourceOf(a.importKey),
        commentCount: countOf.get(a.id) ?? 0,
      }));
    });
  }

  /** The viewer's address, once proven by the mailed link; EMAIL_NOT_VERIFIED before. */
  private async verifiedEmail(viewer: Viewer): Promise<string> {
    const user = await this.prisma.user.findUnique({
      where: { id: viewer.id },
      select: { email: true, emailVerifiedAt: true },
    });
    if (!user?.emailVerifiedAt) {
      throw new DomainError(
        'EMAIL_NOT_VERIFIED',
        'Confirm your email address first: imported comments are offered to the address they were signed with',
      );
    }
    return user.email.toLowerCase();
  }
}
