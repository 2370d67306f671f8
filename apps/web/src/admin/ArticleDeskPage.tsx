import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { REATTACH_THREAD_MUTATION, type ReattachThreadResult } from '../api/queries.ts';
import type { ArticleState } from '../api/types.ts';
import { ExportButton } from '../reader/ExportButton.tsx';
import { formatDateTime, plural } from '../ui/format.ts';
import { NotFound } from '../ui/NotFoundPage.tsx';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import {
  DELETE_ARTICLE_MUTATION,
  outcomeSummary,
  DESK_ARTICLE_QUERY,
  DESK_REVISION_TEXT_QUERY,
  fromLocalInput,
  SET_ARTICLE_DISCUSSION_MUTATION,
  SET_ARTICLE_STATE_MUTATION,
  STATE_LABELS,
  toLocalInput,
  UPDATE_ARTICLE_MUTATION,
  type DeskArticle,
  type DeskArticleResult,
  type DeskRevision,
  type DeskRevisionTextResult,
  type DeskThread,
  type SetArticleDiscussionResult,
  type SetArticleStateResult,
  type UpdateArticleResult,
} from './articleDesk.ts';
import { wordDiff, type DiffPart } from './wordDiff.ts';

type Loaded = NonNullable<DeskArticleResult['articleById']>;
type Message = { text: string; error: boolean; fields?: Record<string, string> } | null;

const DISCUSSION_LABELS: Record<DeskArticle['discussionStatus'], string> = {
  OPEN: 'open',
  CLOSED: 'closed',
  ARCHIVED: 'read-only (archived)',
  UNPUBLISHED: 'hidden (unpublished)',
};

/** Admin: one article's details, state, discussion switches, revisions and deletion. */
export default function ArticleDeskPage() {
  const { articleId = '' } = useParams();
  const loaded = useQuery(`desk:${articleId}`, (signal) =>
    api.request<DeskArticleResult>(DESK_ARTICLE_QUERY, { id: articleId }, { signal }),
  );
  const article = loaded.data?.articleById ?? null;
  useDocumentTitle(article ? `Manage: ${article.title}` : 'Manage article');

  if (loaded.status === 'error' && !article) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!article) {
    return loaded.status === 'success' ? (
      <NotFound title="Article not found">
        <p>
          There is no article with this id. <Link to="/manage/articles">Back to the articles</Link>
        </p>
      </NotFound>
    ) : (
      <Loading label="Loading article…" />
    );
  }
  const saved = (next: DeskArticle) =>
    loaded.update((data) => (data.articleById ? { articleById: { ...data.articleById, ...next } } : data));

  return (
    <div className="admin-page article-desk">
      <p className="breadcrumb">
        <Link to="/manage/articles">Articles</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="admin-lede">
        <Link to={`/a/${encodeURIComponent(article.slug)}`}>Open in the reader</Link> · {STATE_LABELS[article.state]} ·
        discussion {DISCUSSION_LABELS[article.discussionStatus]} · {plural(article.threadCount, 'thread')},{' '}
        {plural(article.commentCount, 'comment')}
      </p>
      <DetailsForm article={article} onSaved={saved} />
      <StateForm article={article} onSaved={saved} />
      <DiscussionForm article={article} onSaved={saved} />
      <Revisions article={article} onChanged={loaded.reload} />
      <DeleteSection article={article} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="desk-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Feedback({ message }: { message: Message }) {
  if (!message) return <p role="status" className="field-hint" />;
  return message.error ? (
    <p className="form-alert" role="alert">
      {message.text}
    </p>
  ) : (
    <p role="status" className="form-success">
      {message.text}
    </p>
  );
}

/** Runs a mutation with a busy flag and a message; field errors are kept for the inputs. */
function useSubmit(): [boolean, Message, (run: () => Promise<string>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const submit = async (run: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await run(), error: false });
    } catch (e) {
      setMessage({
        text: errorMessage(e),
        error: true,
        ...(e instanceof ApiError ? { fields: e.fieldErrors() } : {}),
      });
    } finally {
      setBusy(false);
    }
  };
  return [busy, message, submit];
}

function DetailsForm({ article, onSaved }: { article: DeskArticle; onSaved: (a: DeskArticle) => void }) {
  const id = useId();
  const [title, setTitle] = useState(article.title);
  const [author, setAuthor] = useState(article.author ?? '');
  const [siteName, setSiteName] = useState(article.siteName ?? '');
  const [publishedAt, setPublishedAt] = useState(toLocalInput(article.publishedAt));
  const [slug, setSlug] = useState(article.slug);
  const [busy, message, submit] = useSubmit();
  const fields = message?.fields ?? {};

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const { updateArticle } = await api.request<UpdateArticleResult>(UPDATE_ARTICLE_MUTATION, {
        input: {
          articleId: article.id,
          title,
          author: author.trim() || null,
          siteName: siteName.trim() || null,
          publishedAt: fromLocalInput(publishedAt),
          slug,
        },
      });
      onSaved(updateArticle);
      return slug !== article.slug ? `Saved. The old address /a/${article.slug} now leads here.` : 'Saved.';
    });
  };

  const input = (name: string, label: string, value: string, set: (v: string) => void, extra = {}) => (
    <div className={`field${fields[name] ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={fields[name] ? true : undefined}
        aria-describedby={fields[name] ? `${id}-${name}-error` : undefined}
        {...extra}
      />
      {fields[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {fields[name]}
        </p>
      )}
    </div>
  );

  return (
    <Section title="Details">
      <form className="import-form" onSubmit={save} noValidate>
        {input('title', 'Title', title, setTitle, { required: true })}
        {input('author', 'Author', author, setAuthor)}
        {input('siteName', 'Site name', siteName, setSiteName)}
        {input('publishedAt', 'Published', publishedAt, setPublishedAt, { type: 'datetime-local' })}
        {input('slug', 'Slug', slug, setSlug, { required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' })}
        <p className="field-hint">Changing the slug keeps the old address working.</p>
        <Feedback message={message} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </Section>
  );
}

function StateForm({ article, onSaved }: { article: DeskArticle; onSaved: (a: DeskArticle) => void }) {
  const id = useId();
  const [state, setState] = useState<ArticleState>(article.state);
  const [busy, message, submit] = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const { setArticleState } = await api.request<SetArticleStateResult>(SET_ARTICLE_STATE_MUTATION, {
        input: { articleId: article.id, state },
      });
      onSaved(setArticleState);
      return `Saved: ${STATE_LABELS[state].toLowerCase()}.`;
    });
  };
  return (
    <Section title="Visibility">
      <form className="import-form" onSubmit={save}>
        <fieldset>
          <legend className="visually-hidden">Article state</legend>
          {(Object.keys(STATE_LABELS) as ArticleState[]).map((value) => (
            <label key={value} className="radio" htmlFor={`${id}-${value}`}>
              <input
                id={`${id}-${value}`}
                type="radio"
                name="state"
                value={value}
                checked={state === value}
                onChange={() => setState(value)}
              />{' '}
              {STATE_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <p className="field-hint">
          Readers are told an unpublished article does not exist; staff see it with a banner. An archived article stays
          readable, its discussion read-only.
        </p>
        <Feedback message={message} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || state === article.state}>
            {busy ? 'Saving…' : 'Save visibility'}
          </button>
        </div>
      </form>
    </Section>
  );
}

function DiscussionForm({ article, onSaved }: { article: DeskArticle; onSaved: (a: DeskArticle) => void }) {
  const id = useId();
  const [open, setOpen] = useState(
    article.commentsOpen === null ? 'default' : article.commentsOpen ? 'open' : 'closed',
  );
  const [premod, setPremod] = useState(article.premod);
  const [closesAt, setClosesAt] = useState(toLocalInput(article.commentsClosesAt));
  const [busy, message, submit] = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const { setArticleDiscussion } = await api.request<SetArticleDiscussionResult>(SET_ARTICLE_DISCUSSION_MUTATION, {
        input: {
          articleId: article.id,
          commentsOpen: open === 'default' ? null : open === 'open',
          premod,
          closesAt: fromLocalInput(closesAt),
        },
      });
      onSaved(setArticleDiscussion);
      return `Saved: the discussion is ${DISCUSSION_LABELS[setArticleDiscussion.discussionStatus]}.`;
    });
  };
  return (
    <Section title="Discussion">
      <form className="import-form" onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor={`${id}-open`}>New comments</label>
          <select id={`${id}-open`} value={open} onChange={(e) => setOpen(e.target.value)}>
            <option value="default">As the site says (open without a site)</option>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </div>
        <div className={`field${message?.fields?.['closesAt'] ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-closes`}>Close automatically at</label>
          <input
            id={`${id}-closes`}
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            aria-describedby={`${id}-closes-hint`}
          />
          <p id={`${id}-closes-hint`} className="field-hint">
            Leave empty for no closing time.
          </p>
        </div>
        <label className="checkbox" htmlFor={`${id}-premod`}>
          <input id={`${id}-premod`} type="checkbox" checked={premod} onChange={(e) => setPremod(e.target.checked)} />{' '}
          Hold every new comment for a moderator (pre-moderation)
        </label>
        <Feedback message={message} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save discussion'}
          </button>
        </div>
      </form>
    </Section>
  );
}

function Revisions({ article, onChanged }: { article: Loaded; onChanged: () => void }) {
  const id = useId();
  const revisions = article.revisions.nodes;
  const [from, setFrom] = useState(revisions[1]?.version ?? revisions[0]?.version ?? 1);
  const [to, setTo] = useState(revisions[0]?.version ?? 1);
  const [diff, setDiff] = useState<{ from: number; to: number; parts: DiffPart[] } | null>(null);
  const [busy, message, submit] = useSubmit();
  const fuzzy = article.threads.filter((t) => t.anchorStatus === 'FUZZY' && t.anchor);

  const compare = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const [a, b] = await Promise.all(
        [from, to].map((version) =>
          api.request<DeskRevisionTextResult>(DESK_REVISION_TEXT_QUERY, { slug: article.slug, version }),
        ),
      );
      if (!a?.article || !b?.article) throw new Error('This revision is no longer there');
      setDiff({ from, to, parts: wordDiff(a.article.revision.text, b.article.revision.text) });
      return `Version ${from} compared with version ${to}.`;
    });
  };

  return (
    <Section title="Revisions">
      {revisions.length === 0 ? (
        <p className="empty-note">No revisions.</p>
      ) : (
        <form onSubmit={compare} className="revision-compare">
          <table className="revision-table">
            <caption className="visually-hidden">Revisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Saved</th>
                <th scope="col">What it did to the threads</th>
                <th scope="col">Compare from</th>
                <th scope="col">to</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision: DeskRevision) => {
                return (
                  <tr key={revision.id}>
                    <th scope="row">{revision.version}</th>
                    <td>{formatDateTime(revision.createdAt)}</td>
                    <td>
                      <RevisionOutcomes outcomes={revision.threadOutcomes} />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name={`${id}-from`}
                        aria-label={`Compare from version ${revision.version}`}
                        checked={from === revision.version}
                        onChange={() => setFrom(revision.version)}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name={`${id}-to`}
                        aria-label={`Compare to version ${revision.version}`}
                        checked={to === revision.version}
                        onChange={() => setTo(revision.version)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || from === to}>
              {busy ? 'Comparing…' : 'Show the difference'}
            </button>
          </div>
          <Feedback message={message} />
        </form>
      )}
      {diff && <DiffView diff={diff} />}
      <ThreadsToReview slug={article.slug} fuzzy={fuzzy} orphaned={article.orphanedThreads} onChanged={onChanged} />
    </Section>
  );
}

function RevisionOutcomes({ outcomes }: { outcomes: DeskRevision['threadOutcomes'] }) {
  if (outcomes.length === 0) return <>—</>;
  return (
    <details>
      <summary>{outcomeSummary(outcomes)}</summary>
      <ul className="revision-outcomes">
        {outcomes.map((t) => (
          <li key={t.threadId}>
            <span className="status-badge">{t.outcome.toLowerCase()}</span> “{t.quote}”
            {t.originalQuote && <> (first “{t.originalQuote}”)</>} · {plural(t.commentCount, 'comment')}
          </li>
        ))}
      </ul>
    </details>
  );
}

function DiffView({ diff }: { diff: { from: number; to: number; parts: DiffPart[] } }) {
  const changed = diff.parts.some((p) => p.kind !== 'same');
  return (
    <figure className="word-diff">
      <figcaption>
        Version {diff.from} → version {diff.to}
        {changed ? '' : ': no difference in the text'}
      </figcaption>
      <div className="word-diff-text">
        {diff.parts.map((part, i) =>
          part.kind === 'added' ? (
            <ins key={i}>{part.text}</ins>
          ) : part.kind === 'removed' ? (
            <del key={i}>{part.text}</del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </div>
    </figure>
  );
}

/** Fuzzy anchors are confirmed where they landed; orphans are placed again in the reader. */
function ThreadsToReview({
  slug,
  fuzzy,
  orphaned,
  onChanged,
}: {
  slug: string;
  fuzzy: DeskThread[];
  orphaned: DeskThread[];
  onChanged: () => void;
}) {
  const [busy, message, submit] = useSubmit();
  const confirm = (thread: DeskThread) =>
    void submit(async () => {
      const anchor = thread.anchor!;
      await api.request<ReattachThreadResult>(REATTACH_THREAD_MUTATION, {
        input: { threadId: thread.id, selector: { start: anchor.start, end: anchor.end, exact: anchor.exact } },
      });
      onChanged();
      return 'Anchor confirmed.';
    });
  if (fuzzy.length === 0 && orphaned.length === 0) {
    return <p className="empty-note">Every thread holds on the current text.</p>;
  }
  return (
    <div className="threads-to-review">
      <h3>Threads to review</h3>
      <ul>
        {fuzzy.map((thread) => (
          <li key={thread.id}>
            <span className="status-badge">Fuzzy</span> “{thread.anchor!.exact}”
            {thread.originalQuote && thread.originalQuote !== thread.anchor!.exact && (
              <> (was “{thread.originalQuote}”)</>
            )}{' '}
            <button type="button" className="link-button" disabled={busy} onClick={() => confirm(thread)}>
              Confirm this passage
            </button>
          </li>
        ))}
        {orphaned.map((thread) => (
          <li key={thread.id}>
            <span className="status-badge">Orphaned</span> “{thread.originalQuote ?? '…'}”{' '}
            <Link to={`/a/${encodeURIComponent(slug)}`}>Re-attach in the reader (Orphaned tab)</Link>
          </li>
        ))}
      </ul>
      <Feedback message={message} />
    </div>
  );
}

function DeleteSection({ article }: { article: DeskArticle }) {
  const id = useId();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [busy, message, submit] = useSubmit();
  const remove = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await api.request(DELETE_ARTICLE_MUTATION, { input: { articleId: article.id, confirmSlug: typed } });
      void navigate('/manage/articles', { replace: true, state: { deleted: article.title } });
      return 'Deleted.';
    });
  };
  return (
    <Section title="Delete">
      <p>
        Deleting removes the article, every revision and its whole discussion. It cannot be undone. Keep a copy first:{' '}
        <ExportButton articleId={article.id} slug={article.slug} />
      </p>
      <form className="import-form danger-zone" onSubmit={remove} noValidate>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>
            Type the slug <code>{article.slug}</code> to confirm
          </label>
          <input id={`${id}-confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </div>
        <Feedback message={message} />
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={busy || typed.trim() !== article.slug}>
            {busy ? 'Deleting…' : 'Delete this article'}
          </button>
        </div>
      </form>
    </Section>
  );
}
