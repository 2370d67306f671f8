import type { Prisma } from '../generated/prisma/client.js';

/** A deleted account's identity and what replaces it. */
export interface ErasedIdentity {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  placeholderEmail: string;
  placeholderHandle: string;
  placeholderName: string;
}

/** What a removed comment's text becomes (the reader shows deleted comments as a placeholder). */
const REMOVED_BODY = '';
/** What an erased message's subject and bodies become. */
const ERASED_MAIL = '[erased: the account was deleted]';

/**
 * REMOVE: every comment of the user is erased (bodies and earlier versions) and DELETED, as if
 * they had deleted each one: where others replied it stays as a placeholder, otherwise it
 * vanishes and stops counting as a reply. Newest first, so a reply of theirs to their own
 * comment is released before its parent is looked at.
 */
export async function removeComments(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const comments = await tx.comment.findMany({
    where: { authorId: userId, status: { not: 'DELETED' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  for (const { id } of comments) {
    // Read again: an earlier iteration may have changed its reply count.
    const comment = await tx.comment.findUniqueOrThrow({
      where: { id },
      select: { id: true, status: true, threadId: true, parentId: true, replyCount: true },
    });
    await tx.comment.update({
      where: { id },
      data: {
        status: 'DELETED',
        statusReason: 'DELETED_BY_AUTHOR',
        statusBeforeDelete: comment.status,
        bodySource: REMOVED_BODY,
        bodyHtml: REMOVED_BODY,
      },
    });
    if (comment.status === 'PUBLISHED') {
      await tx.thread.update({ where: { id: comment.threadId }, data: { commentCount: { decrement: 1 } } });
    }
    if (comment.replyCount === 0) await releaseAncestors(tx, comment.parentId);
  }
  await tx.commentRevision.deleteMany({ where: { comment: { authorId: userId } } });
  await tx.user.update({ where: { id: userId }, data: { commentCount: 0 } });
}

/** As comment deletion does: a deleted parent left without replies vanishes too, up the chain. */
async function releaseAncestors(tx: Prisma.TransactionClient, parentId: string | null): Promise<void> {
  let next = parentId;
  while (next) {
    const parent = await tx.comment.update({
      where: { id: next },
      data: { replyCount: { decrement: 1 } },
      select: { status: true, replyCount: true, parentId: true },
    });
    next = parent.status === 'DELETED' && parent.replyCount <= 0 ? parent.parentId : null;
  }
}

/** A PostgreSQL regular expression matching `text` where no letter, digit or underscore touches it. */
export function wholeWord(text: string): string {
  return `(?<![[:alnum:]_])${text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}(?![[:alnum:]_])`;
}

/**
 * Takes the user's name, handle and address out of free text that quotes them:
 * - notifications others got about the user's comments ("<name> replied to your comment"),
 * - reasons in the moderation log about them or their comments, and notes of reports they
 *   filed or that were filed on their comments (the rows stay: only the user id remains),
 * - messages mailed to them: address and text erased, any not sent yet marked failed,
 * - queued jobs and their errors that carry the address,
 * - links to their old profile in others' comments: the handle becomes plain text, so
 *   whoever registers it later does not inherit them.
 * Others' own words (a reply that names them) are not rewritten.
 */
export async function erasePersonalText(tx: Prisma.TransactionClient, who: ErasedIdentity): Promise<void> {
  const { id, email, placeholderEmail } = who;
  // The name is replaced where it stands as a whole word: "Al" leaves "Also" and "Alps" alone.
  const displayName = wholeWord(who.displayName);
  const placeholderName = who.placeholderName.replaceAll('\\', '\\\\');
  const mine = tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Comment" WHERE "authorId" = ${id}::uuid`;
  const commentIds = (await mine).map((row) => row.id);
  await tx.$executeRaw`
    UPDATE "Notification"
    SET message = regexp_replace(replace(message, ${email}, ${placeholderEmail}), ${displayName}, ${placeholderName}, 'g')
    WHERE "commentId" = ANY(${commentIds}::uuid[]) OR position(${email} in message) > 0`;
  await tx.$executeRaw`
    UPDATE "ModerationAction"
    SET reason = regexp_replace(replace(reason, ${email}, ${placeholderEmail}), ${displayName}, ${placeholderName}, 'g')
    WHERE reason IS NOT NULL
      AND ("targetUserId" = ${id}::uuid OR "actorId" = ${id}::uuid OR "commentId" = ANY(${commentIds}::uuid[])
           OR position(${email} in reason) > 0)`;
  await tx.$executeRaw`
    UPDATE "Flag"
    SET note = regexp_replace(replace(note, ${email}, ${placeholderEmail}), ${displayName}, ${placeholderName}, 'g')
    WHERE note IS NOT NULL AND ("reporterId" = ${id}::uuid OR "commentId" = ANY(${commentIds}::uuid[]))`;
  await tx.$executeRaw`
    UPDATE "OutgoingMail"
    SET "toAddress" = ${placeholderEmail}, subject = ${ERASED_MAIL}, text = ${ERASED_MAIL}, html = ${ERASED_MAIL},
        headers = '{}'::jsonb, status = CASE WHEN status = 'QUEUED' THEN 'FAILED'::"MailStatus" ELSE status END,
        "failedAt" = CASE WHEN status = 'QUEUED' THEN now() ELSE "failedAt" END,
        "lastError" = CASE WHEN status = 'QUEUED' THEN 'The account was deleted' ELSE NULL END
    WHERE "userId" = ${id}::uuid OR lower("toAddress") = ${email}`;
  await tx.$executeRaw`
    UPDATE "Outbox"
    SET payload = replace(payload::text, ${email}, ${placeholderEmail})::jsonb,
        "lastError" = replace("lastError", ${email}, ${placeholderEmail})
    WHERE position(${email} in payload::text) > 0 OR position(${email} in coalesce("lastError", '')) > 0`;
  // Mention links are built from the handle as registered (comments/mentions.ts).
  const link = `<a href="/u/${who.handle}">@${who.handle}</a>`;
  await tx.$executeRaw`
    UPDATE "Comment" SET "bodyHtml" = replace("bodyHtml", ${link}, ${`@${who.handle}`})
    WHERE position(${link} in "bodyHtml") > 0`;
  await tx.$executeRaw`
    UPDATE "CommentRevision" SET "bodyHtml" = replace("bodyHtml", ${link}, ${`@${who.handle}`})
    WHERE position(${link} in "bodyHtml") > 0`;
}
