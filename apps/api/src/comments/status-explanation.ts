/**
 * What the author of a held or rejected comment is told, in plain words, for each reason code
 * the pipeline and moderators store in `Comment.statusReason` (moderation/pipeline/types.ts,
 * moderation/decisions/reasons.ts). Unknown codes explain nothing rather than show a code.
 */
const EXPLANATIONS: Record<string, string> = {
  BODY_TOO_SHORT: 'Your comment is too short to add to the discussion.',
  BODY_TOO_LONG: 'Your comment is longer than this discussion allows.',
  AUTHOR_BANNED: 'Your account is banned, so your comments are not shown.',
  AUTHOR_SUSPENDED: 'Your account is suspended for now, so you cannot post.',
  BANNED_WORD: 'Your comment contains a word this site does not allow.',
  SUSPECT_WORD: 'Your comment contains a word a moderator will look at first.',
  TOO_MANY_LINKS: 'Your comment has more links than this site allows; a moderator will look at it.',
  LINK_BLOCKED: 'Your comment links to a site that is not allowed here.',
  LINK_NOT_ALLOWED: 'Links are not allowed in comments here.',
  REPEAT_POST: 'Your comment repeats one you posted a moment ago.',
  SPAM: 'Your comment looks like spam to our filters; a moderator will look at it.',
  TOXIC: 'Your comment reads as abusive to our filters; a moderator will look at it.',
  AUTHOR_HISTORY: 'Many of your recent comments were rejected, so a moderator reviews new ones first.',
  NEW_COMMENTER: 'Comments from new accounts are reviewed by a moderator first.',
  USER_PREMOD: 'Your comments are reviewed by a moderator before they appear.',
  PREMOD: 'Every comment on this article is reviewed by a moderator before it appears.',
  HELD_BY_MODERATOR: 'A moderator is holding your comment for a closer look.',
  REJECTED_BY_MODERATOR: 'A moderator removed your comment.',
  FLAGGED: 'Readers reported your comment; a moderator will look at it.',
  REJECTED_SPAM: 'A moderator removed your comment as spam.',
  REJECTED_ABUSE: 'A moderator removed your comment as abusive.',
  REJECTED_OFFENSIVE: 'A moderator removed your comment as offensive.',
  REJECTED_OFF_TOPIC: 'A moderator removed your comment as off topic.',
  REJECTED_MISINFORMATION: 'A moderator removed your comment as misinformation.',
  REJECTED_OTHER: 'A moderator removed your comment.',
};

/** The plain-language explanation of a reason code, or null when there is none to give. */
export function statusExplanation(reason: string | null): string | null {
  if (!reason) return null;
  return Object.hasOwn(EXPLANATIONS, reason) ? EXPLANATIONS[reason]! : null;
}
