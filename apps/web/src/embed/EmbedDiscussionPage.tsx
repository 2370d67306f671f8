import { useEffect, useMemo, useRef } from 'react';
import { api } from '../api/client.ts';
import { CREATE_THREAD_MUTATION, type CreateThreadResult } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { PageComments } from '../reader/PageComments.tsx';
import { SignInElsewhereContext } from '../reader/SignInPrompt.tsx';
import { classifyThreads } from '../reader/threads.ts';
import { useArticle } from '../reader/useArticle.ts';
import { useCommentActions } from '../reader/useCommentActions.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { EmbedArticleGate } from './EmbedArticleGate.tsx';
import { POPUP_BLOCKED_MESSAGE, useEmbedSession } from './embedSession.ts';
import { useEmbeddedArticle } from './useEmbeddedArticle.ts';
import { useHostMessages } from './useHostMessages.ts';
import '../styles/reader.css';
import './embed.css';

/**
 * /embed/discussion: the discussion of a publisher's article as a whole, framed after the
 * article on the publisher's page. It tells the host page its height, so the frame grows with
 * the discussion and the page has one scroll.
 */
export default function EmbedDiscussionPage() {
  const article = useEmbeddedArticle();
  const { host, pageId } = article;
  const { user, loading: authLoading } = useAuth();
  const { openSignIn, popupBlocked } = useEmbedSession(pageId);
  const post = useHostMessages(host, ignoreHostMessage);

  // Report the content's height whenever it changes.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      post({ type: 'resize', height: Math.ceil(element.getBoundingClientRect().bottom) + 1 });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [post]);

  return (
    <SignInElsewhereContext.Provider value={openSignIn}>
      <div className="embed-discussion" ref={root}>
        {popupBlocked && !user && (
          <p className="form-error" role="alert">
            {POPUP_BLOCKED_MESSAGE}
          </p>
        )}
        <EmbedArticleGate
          article={article}
          outside="This discussion is shown on a publisher’s page that embeds Marginalia."
          preparing="This article is being prepared for discussion. Comments open in a moment."
        >
          {(slug) => <PageDiscussion slug={slug} viewerKey={authLoading ? null : (user?.id ?? 'anonymous')} />}
        </EmbedArticleGate>
      </div>
    </SignInElsewhereContext.Provider>
  );
}

function ignoreHostMessage(): void {
  // The host page talks to the panel; this frame only reports its height.
}

function PageDiscussion({ slug, viewerKey }: { slug: string; viewerKey: string | null }) {
  const data = useArticle(slug, viewerKey ?? 'anonymous', viewerKey !== null);
  const { article, hiddenCount, revealNew, revised, reload } = data;
  useEffect(() => {
    if (revised) reload();
  }, [revised, reload]);
  useEffect(() => {
    if (hiddenCount > 0) revealNew();
  }, [hiddenCount, revealNew]);
  const classified = useMemo(() => (article ? classifyThreads(article.threads, article.revision.id) : null), [article]);
  const actions = useCommentActions(
    slug,
    null,
    { addComment: data.addComment, patchComment: data.patchComment, removeComment: data.removeComment },
    null,
  );

  if (data.status === 'error' && !article) {
    return <ErrorState error={data.error} onRetry={data.reload} title="Could not load the discussion" />;
  }
  if (!article || !classified) return <Loading label="Loading the discussion…" />;
  const postPageComment = async (body: string) => {
    const { createThread } = await api.request<CreateThreadResult>(CREATE_THREAD_MUTATION, {
      input: { articleId: article.id, body },
    });
    data.addThread(createThread);
  };
  return <PageComments threads={classified.page} actions={actions} onPost={postPageComment} />;
}
