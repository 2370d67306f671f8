import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { formatDateTime, plural } from '../ui/format.ts';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { usePages } from '../ui/usePages.ts';
import {
  linkify,
  MAIL_STATUSES,
  OUTGOING_MAIL_QUERY,
  RETRY_MAIL_MUTATION,
  type MailStatus,
  type OutgoingMail,
  type OutgoingMailResult,
  type OutgoingMailVariables,
} from './outgoingMail.ts';

/** Messages per request; "Load more" asks for the next page. */
export const MAIL_PAGE_SIZE = 25;

const asStatus = (value: string | null): MailStatus | undefined => MAIL_STATUSES.find((s) => s === value);

/**
 * Admin → Outgoing mail: every message Marginalia sent or is sending, newest first. Failed ones
 * stand out with the mail server's error and can be sent again; a message opened shows its text
 * part (links clickable) and its HTML part in a sandboxed frame.
 */
export default function OutgoingMailPage() {
  useDocumentTitle('Outgoing mail');
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const statusId = useId();
  const [reloads, setReloads] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [replaced, setReplaced] = useState<Record<string, OutgoingMail>>({});

  const list = usePages(`mail:${status ?? ''}:${reloads}`, async (after, signal) => {
    const variables: OutgoingMailVariables = { first: MAIL_PAGE_SIZE };
    if (status) variables.status = status;
    if (after) variables.after = after;
    return (await api.request<OutgoingMailResult>(OUTGOING_MAIL_QUERY, variables, { signal })).outgoingMail;
  });
  const nodes = list.nodes?.map((m) => replaced[m.id] ?? m);
  const opened = nodes?.find((m) => m.id === openId) ?? null;

  const setStatus = (value: string) => {
    setOpenId(null);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set('status', value);
        else next.delete('status');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <div className="admin-page">
      <h1>Outgoing mail</h1>
      <p className="admin-lede">
        Every message Marginalia sends — address verification, password resets, changes of address, notifications —
        newest first. A message the mail server refused is marked failed, with its answer.
      </p>
      <form className="user-filters" aria-label="Filter messages" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={status ?? ''} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" onClick={() => setReloads((n) => n + 1)}>
          Refresh
        </button>
      </form>

      {list.first.status === 'error' && !nodes ? (
        <ErrorState error={list.first.error} onRetry={list.first.reload} title="Could not load outgoing mail" />
      ) : !nodes ? (
        <Loading label="Loading outgoing mail…" />
      ) : nodes.length === 0 ? (
        <EmptyState title={status ? `No ${status.toLowerCase()} messages` : 'No mail sent yet'}>
          <p>
            Marginalia writes to people when they register (to verify their address), ask to reset their password,
            change their address, get locked out after failed sign-ins, and for the notifications they chose. Those
            messages appear here.
          </p>
          {status && (
            <button type="button" className="button" onClick={() => setStatus('')}>
              Show every message
            </button>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            Showing {plural(nodes.length, 'message')}
            {list.hasNextPage ? ', more available' : ''}
          </p>
          <table className="data-table mail-table">
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Written</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((m) => (
                <tr key={m.id} className={m.status === 'FAILED' ? 'mail-failed' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={openId === m.id}
                      aria-controls={openId === m.id ? 'mail-message' : undefined}
                      onClick={() => setOpenId(openId === m.id ? null : m.id)}
                    >
                      {m.subject}
                    </button>
                    <div className="muted">{m.template}</div>
                    {m.status === 'FAILED' && m.lastError && <div className="mail-error">{m.lastError}</div>}
                  </td>
                  <td>{m.to}</td>
                  <td>
                    <span className={`pill pill-${m.status.toLowerCase()}`}>{m.status.toLowerCase()}</span>
                    {m.attempts > 1 && <div className="muted">{plural(m.attempts, 'attempt')}</div>}
                  </td>
                  <td>
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                    {m.sentAt && <div className="muted">sent {formatDateTime(m.sentAt)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.moreState.error != null && (
            <ErrorState error={list.moreState.error} onRetry={() => void list.loadMore()} title="Could not load more" />
          )}
          {list.hasNextPage && list.moreState.error == null && (
            <p className="load-more">
              <button
                type="button"
                className="button"
                onClick={() => void list.loadMore()}
                disabled={list.moreState.loading}
                aria-busy={list.moreState.loading}
              >
                {list.moreState.loading ? 'Loading…' : 'Load more'}
              </button>
            </p>
          )}
          {opened && (
            <MailMessage
              key={opened.id}
              mail={opened}
              onClose={() => setOpenId(null)}
              onRetried={(mail) => setReplaced((r) => ({ ...r, [mail.id]: mail }))}
            />
          )}
        </>
      )}
    </div>
  );
}

function MailMessage({
  mail,
  onClose,
  onRetried,
}: {
  mail: OutgoingMail;
  onClose: () => void;
  onRetried: (mail: OutgoingMail) => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);

  // Opening a message takes the reader (and the keyboard) to it.
  useEffect(() => headingRef.current?.focus(), []);

  const retry = async () => {
    setRetrying(true);
    setRetryError(null);
    try {
      const data = await api.request<{ retryMail: OutgoingMail }>(RETRY_MAIL_MUTATION, { id: mail.id });
      onRetried(data.retryMail);
    } catch (error) {
      setRetryError(errorMessage(error));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <section id="mail-message" className="mail-message" aria-labelledby="mail-message-subject">
      <h2 id="mail-message-subject" ref={headingRef} tabIndex={-1}>
        {mail.subject}
      </h2>
      <p className="muted">
        To {mail.to} · <span className={`pill pill-${mail.status.toLowerCase()}`}>{mail.status.toLowerCase()}</span>
        {' · '}
        {plural(mail.attempts, 'attempt')}
      </p>
      {mail.status === 'FAILED' && (
        <div className="form-alert" role="alert">
          <p>The mail server refused it{mail.lastError ? `: ${mail.lastError}` : '.'}</p>
          <button
            type="button"
            className="button"
            onClick={() => void retry()}
            disabled={retrying}
            aria-busy={retrying}
          >
            {retrying ? 'Sending again…' : 'Send again'}
          </button>
          {retryError && <p>{retryError}</p>}
        </div>
      )}
      <h3>Text</h3>
      <pre className="mail-text">
        {linkify(mail.text).map((piece, i) =>
          'href' in piece ? (
            <a key={i} href={piece.href}>
              {piece.href}
            </a>
          ) : (
            piece.text
          ),
        )}
      </pre>
      <h3>HTML</h3>
      {/* No scripts, forms, plugins or same-origin access: the HTML is shown, never run. */}
      <iframe className="mail-html" title={`HTML part of “${mail.subject}”`} sandbox="" srcDoc={mail.html} />
      <p>
        <button type="button" className="button" onClick={onClose}>
          Close message
        </button>
      </p>
    </section>
  );
}
