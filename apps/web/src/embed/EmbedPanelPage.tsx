import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { CREATE_THREAD_MUTATION, type CreateThreadResult } from '../api/queries.ts';
import type { Article } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { DraftCard } from '../reader/DraftCard.tsx';
import { DiscussionNotice } from '../reader/DiscussionNotice.tsx';
import type { OffsetRange } from '../reader/selection.ts';
import { buildSelector } from '../reader/selector.ts';
import { SignInElsewhereContext } from '../reader/SignInPrompt.tsx';
import { ThreadCard } from '../reader/ThreadCard.tsx';
import { classifyThreads, findThreadElement } from '../reader/threads.ts';
import { useArticle } from '../reader/useArticle.ts';
import { useCommentActions } from '../reader/useCommentActions.ts';
import DeleteAccountSection from '../settings/DeleteAccountSection.tsx';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { EmbedArticleGate } from './EmbedArticleGate.tsx';
import { POPUP_BLOCKED_MESSAGE, useEmbedSession } from './embedSession.ts';
import type { HostMessage, Quote } from './protocol.ts';
import { useEmbeddedArticle } from './useEmbeddedArticle.ts';
import { useHostMessages } from './useHostMessages.ts';
import '../styles/reader.css';
import './embed.css';

/**
 * /embed/panel: the passages under discussion on a publisher's article, framed by the
 * publisher's page. It holds the reader's session (signed in with the host's token, kept in
 * memory here only and shared with the page-level discussion's frame), follows the discussion
 * live, and tells the host page where the highlights go.
 */
export default function EmbedPanelPage() {
  const article = useEmbeddedArticle();
  const { siteId, host, pageId } = article;
  const { user, loading: authLoading, ssoLogin, logout } = useAuth();
  const { openSignIn, popupBlocked } = useEmbedSession(pageId);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const [compose, setCompose] = useState<Quote | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [view, setView] = useState<'discussion' | 'account'>('discussion');
  const [notice, setNotice] = useState<string | null>(null);

  const onMessage = useCallback(
    (message: HostMessage) => {
      switch (message.type) {
        case 'login':
          setPendingToken(message.token);
          break;
        case 'logout':
          void logout();
          break;
        case 'compose':
          setCompose(message.quote);
          setActiveId(null);
          break;
        case 'open-thread':
          setCompose(null);
          setActiveId(message.threadId);
          break;
      }
    },
    [logout],
  );
  const post = useHostMessages(host, onMessage);

  // Sign in once the stored session (if any) is checked, so that check cannot undo this one.
  useEffect(() => {
    if (authLoading || !pendingToken) return;
    setPendingToken(null);
    setSignInError(null);
    ssoLogin(siteId, pendingToken).catch((error: unknown) => setSignInError(errorMessage(error)));
  }, [authLoading, pendingToken, ssoLogin, siteId]);

  const close = useCallback(() => post({ type: 'close' }), [post]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const content = (
    <EmbedArticleGate
      article={article}
      outside="This panel is opened by a publisher’s page that embeds Marginalia."
      preparing="This article is being prepared for discussion. Passages can be discussed in a moment."
    >
      {(slug) => (
        <EmbeddedDiscussion
          slug={slug}
          viewerKey={authLoading ? null : (user?.id ?? 'anonymous')}
          compose={compose}
          onComposed={() => setCompose(null)}
          activeId={activeId}
          onActive={setActiveId}
          onHighlights={(highlights) => post({ type: 'highlights', highlights })}
        />
      )}
    </EmbedArticleGate>
  );

  return (
    <SignInElsewhereContext.Provider value={openSignIn}>
      <div className="embed-panel">
        <header className="embed-panel-header">
          <h1>Discussion</h1>
          <span className="embed-panel-user">
            {user ? (
              <>
                Signed in as {user.displayName}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={view === 'account'}
                  onClick={() => setView(view === 'account' ? 'discussion' : 'account')}
                >
                  {view === 'account' ? 'Back to the discussion' : 'Account'}
                </button>
              </>
            ) : authLoading ? null : (
              <button type="button" className="link-button" onClick={() => openSignIn('login')}>
                Sign in
              </button>
            )}
          </span>
          <button type="button" className="button button-ghost" onClick={close}>
            Close<span className="visually-hidden"> discussion</span>
          </button>
        </header>
        {(signInError ?? (popupBlocked && !user)) && (
          <p className="form-error" role="alert">
            {signInError ?? POPUP_BLOCKED_MESSAGE}
          </p>
        )}
        {notice && (
          <p className="embed-panel-notice" role="status">
            {notice}
          </p>
        )}
        {/* Kept mounted while the account is shown: it keeps the host's highlights up to date. */}
        <main className="embed-panel-body" hidden={view === 'account' && Boolean(user)}>
          {content}
        </main>
        {view === 'account' && user && (
          <EmbedAccount
            onDeleted={() => {
              setView('discussion');
              setNotice('Your account is deleted.');
            }}
          />
        )}
      </div>
    </SignInElsewhereContext.Provider>
  );
}

/** The signed-in reader's account, as far as the panel offers it: signing out, and deleting it. */
function EmbedAccount({ onDeleted }: { onDeleted(): void }) {
  const { user, logout } = useAuth();
  if (!user) return null;
  return (
    <section className="embed-panel-body" aria-labelledby="embed-account-heading">
      <h2 id="embed-account-heading">Your account</h2>
      <p>
        {user.displayName} <span className="embed-panel-handle">@{user.handle}</span>
      </p>
      <button type="button" className="button" onClick={() => void logout()}>
        Sign out
      </button>
      <p className="field-hint">
        If you are signed in on this publisher’s site, its next page signs you in again; after a deletion that makes a
        new, empty account.
      </p>
      <DeleteAccountSection onDeleted={onDeleted} />
    </section>
  );
}

interface EmbeddedDiscussionProps {
  slug: string;
  viewerKey: string | null;
  compose: Quote | null;
  onComposed(): void;
  activeId: string | null;
  onActive(threadId: string | null): void;
  onHighlights(highlights: { id: string; quote: Quote; count: number }[]): void;
}

function EmbeddedDiscussion({
  slug,
  viewerKey,
  compose,
  onComposed,
  activeId,
  onActive,
  onHighlights,
}: EmbeddedDiscussionProps) {
  const data = useArticle(slug, viewerKey ?? 'anonymous', viewerKey !== null);
  const article = data.article;
  const { hiddenCount, revealNew, revised, reload } = data;
  // The publisher's page was imported again and the threads re-anchored: take the new revision
  // (the reader's page asks first; here the host's text has already changed under the reader).
  useEffect(() => {
    if (revised) reload();
  }, [revised, reload]);
  // Others' new threads are highlighted at once on the host page: nothing is held back here.
  useEffect(() => {
    if (hiddenCount > 0) revealNew();
  }, [hiddenCount, revealNew]);

  const classified = useMemo(() => (article ? classifyThreads(article.threads, article.revision.id) : null), [article]);
  // The highlights change with the threads only; the callback is a new function each render.
  const report = useRef(onHighlights);
  report.current = onHighlights;
  useEffect(() => {
    if (!classified) return;
    report.current(
      classified.anchored.map((t) => ({
        id: t.id,
        quote: { exact: t.anchor.exact, prefix: t.anchor.prefix, suffix: t.anchor.suffix },
        count: t.commentCount,
      })),
    );
  }, [classified]);

  if (data.status === 'error' && !article) {
    return <ErrorState error={data.error} onRetry={data.reload} title="Could not load the discussion" />;
  }
  if (!article || !classified) return <Loading label="Loading the discussion…" />;
  return (
    <Threads
      article={article}
      classified={classified}
      compose={compose}
      onComposed={onComposed}
      activeId={activeId}
      onActive={onActive}
      data={data}
    />
  );
}

function Threads({
  article,
  classified,
  compose,
  onComposed,
  activeId,
  onActive,
  data,
}: {
  article: Article;
  classified: ReturnType<typeof classifyThreads>;
  compose: Quote | null;
  onComposed(): void;
  activeId: string | null;
  onActive(threadId: string | null): void;
  data: ReturnType<typeof useArticle>;
}) {
  const { revision } = article;
  const [draft, setDraft] = useState<OffsetRange | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [focusThreadId, setFocusThreadId] = useState<string | null>(null);
  const readOnly = (article.discussionStatus ?? 'OPEN') !== 'OPEN';
  const actions = useCommentActions(
    article.slug,
    null,
    { addComment: data.addComment, patchComment: data.patchComment, removeComment: data.removeComment },
    null,
    readOnly,
  );

  // The passage the reader selected on the host page, found again in the article's text.
  useEffect(() => {
    if (!compose) return;
    if (readOnly) {
      // The notice above says why; a selection on the host page starts nothing.
      onComposed();
      setDraft(null);
      return;
    }
    let cancelled = false;
    void import('@marginalia/anchoring').then(({ anchor }) => {
      if (cancelled) return;
      const found = anchor(revision.text, { quote: compose });
      onComposed();
      if (found.status === 'ORPHANED') {
        setDraft(null);
        setDraftError(
          'That passage is not in the article as Marginalia has it yet. Try again after the page is updated.',
        );
      } else {
        setDraftError(null);
        setDraft({ start: found.start, end: found.end });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [compose, revision.text, onComposed, readOnly]);

  useEffect(() => {
    if (activeId) findThreadElement(document.body, activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const postDraft = async (body: string) => {
    if (!draft) return;
    const selector = await buildSelector(revision.text, draft.start, draft.end);
    const { createThread } = await api.request<CreateThreadResult>(CREATE_THREAD_MUTATION, {
      input: { articleId: article.id, selector, body },
    });
    data.addThread(createThread);
    setDraft(null);
    onActive(createThread.id);
    setFocusThreadId(createThread.id);
  };
  const onToggle = (threadId: string, expanded: boolean) => onActive(expanded ? threadId : null);

  return (
    <>
      <p className="embed-panel-title">{article.title}</p>
      <DiscussionNotice article={article} />
      {draftError && (
        <p className="form-error" role="alert">
          {draftError}
        </p>
      )}
      {draft && (
        <DraftCard
          text={revision.text}
          start={draft.start}
          end={draft.end}
          onPost={postDraft}
          onCancel={() => setDraft(null)}
        />
      )}
      <section aria-labelledby="embed-passages-heading">
        <h2 id="embed-passages-heading">Passages</h2>
        {classified.anchored.length === 0 ? (
          <p className="empty-note">
            {readOnly ? 'No passage threads.' : 'No passage threads yet. Select text in the article to start one.'}
          </p>
        ) : (
          <div className="thread-stack">
            {classified.anchored.map((thread) => (
              <ThreadCard
                key={thread.id}
                thread={thread}
                expanded={thread.id === activeId}
                onToggle={onToggle}
                actions={actions}
                showQuote
                autoFocus={thread.id === focusThreadId}
              />
            ))}
          </div>
        )}
      </section>
      {classified.orphaned.length > 0 && (
        <section aria-labelledby="embed-orphans-heading">
          <h2 id="embed-orphans-heading">Passages no longer in the article</h2>
          <div className="thread-stack">
            {classified.orphaned.map((thread) => (
              <ThreadCard
                key={thread.id}
                thread={thread}
                expanded={thread.id === activeId}
                onToggle={onToggle}
                actions={actions}
                showQuote
                orphaned
              />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
