/** GraphQL documents and helpers of Admin → Outgoing mail. */

export type MailStatus = 'QUEUED' | 'SENT' | 'FAILED';
export const MAIL_STATUSES: MailStatus[] = ['QUEUED', 'SENT', 'FAILED'];

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  text: string;
  html: string;
}

export type OutgoingMailVariables = {
  first: number;
  status?: MailStatus;
  after?: string | null;
};

export interface OutgoingMailResult {
  outgoingMail: { nodes: OutgoingMail[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const FIELDS = 'id to subject template status attempts lastError createdAt sentAt text html';

export const OUTGOING_MAIL_QUERY = `
  query OutgoingMail($first: Int!, $status: MailStatus, $after: String) {
    outgoingMail(first: $first, status: $status, after: $after) {
      nodes { ${FIELDS} }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const RETRY_MAIL_MUTATION = `mutation RetryMail($id: ID!) { retryMail(id: $id) { ${FIELDS} } }`;

/** A piece of a message's text part: plain text, or an http(s) link to make clickable. */
export type TextPiece = { text: string } | { href: string };

/**
 * Splits the text part into text and links, so the links (a verification or reset link in the
 * demo) can be followed from the page: the HTML part is shown in a sandbox where they cannot.
 */
export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    // A sentence's full stop or closing parenthesis is not part of the link.
    const href = match[0].replace(/[.,;:!?)]+$/, '');
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ href });
    last = match.index + href.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}
