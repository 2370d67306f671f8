import { useId, useState } from 'react';
import { Link } from 'react-router';
import { formatRelative, plural, truncate } from '../ui/format.ts';
import { useMediaQuery, WIDE_LAYOUT_QUERY } from '../ui/useMediaQuery.ts';
import { useDigest, type ArticleDigest, type DigestSentence } from './useDigest.ts';
import '../styles/digest.css';

interface Props {
  articleId: string;
  slug: string;
  /** Opens the thread on a passage and scrolls the text to it. */
  onPassage: (threadId: string) => void;
}

/**
 * "What readers are saying": the article's digest, each sentence a reader's own, linked to
 * its comment (the permalink opens the thread and marks the comment). Open on wide screens,
 * a collapsed disclosure on small ones (fetched when first opened).
 */
export function DigestPanel({ articleId, slug, onPassage }: Props) {
  const wide = useMediaQuery(WIDE_LAYOUT_QUERY);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? wide;
  const regionId = useId();
  // Asked once the panel is first open: a narrow screen that never opens it never asks.
  const [asked, setAsked] = useState(open);
  if (open && !asked) setAsked(true);
  const query = useDigest(articleId, asked);
  const digest = query.data?.articleDigest ?? null;

  return (
    <section className="digest" aria-labelledby={`${regionId}-title`}>
      <h2 className="digest-title" id={`${regionId}-title`}>
        <button
          type="button"
          className="digest-toggle"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setToggled(!open)}
        >
          What readers are saying
        </button>
      </h2>
      {open && (
        <div id={regionId} className="digest-body">
          {query.status === 'loading' && !query.data ? (
            <p className="digest-note">Reading the discussion…</p>
          ) : query.status === 'error' ? (
            <p className="digest-note">The summary isn’t available right now.</p>
          ) : digest && digest.themes.length > 0 ? (
            <DigestView digest={digest} slug={slug} onPassage={onPassage} />
          ) : (
            <p className="digest-note digest-empty">
              Not enough comments yet. Once a few readers have commented, their main points appear here, in their own
              words.
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function DigestView({ digest, slug, onPassage }: { digest: ArticleDigest } & Omit<Props, 'articleId'>) {
  const toComment = (id: string) => `/a/${slug}/c/${id}`;
  const quote = (s: DigestSentence) => (
    <li key={`${s.commentId}-${s.text}`}>
      <Link className="digest-sentence" to={toComment(s.commentId)}>
        “{s.text}”
      </Link>
    </li>
  );
  return (
    <>
      <ul className="digest-themes">
        {digest.themes.map((theme) => (
          <li key={theme.label} className="digest-theme">
            <h3>
              {theme.label} <span className="count">{plural(theme.commentIds.length, 'comment')}</span>
            </h3>
            {theme.passage && (
              <button
                type="button"
                className="link-button digest-passage"
                onClick={() => onPassage(theme.passage!.threadId)}
              >
                On the passage “{truncate(theme.passage.quote, 80)}”
              </button>
            )}
            <ul className="digest-sentences">{theme.sentences.map(quote)}</ul>
          </li>
        ))}
      </ul>
      {digest.openQuestions.length > 0 && (
        <div className="digest-questions">
          <h3>Open questions</h3>
          <ul className="digest-sentences">{digest.openQuestions.map(quote)}</ul>
        </div>
      )}
      <p className="digest-note">
        Quoted from {plural(digest.commentCount, 'published comment')}, grouped by what they are about; updated{' '}
        {formatRelative(digest.updatedAt)}.
      </p>
      {digest.sourceCommentIds && (
        <details className="digest-sources">
          <summary>Comments it was built from ({digest.sourceCommentIds.length})</summary>
          <ul>
            {digest.sourceCommentIds.map((id) => (
              <li key={id}>
                <Link to={toComment(id)}>{id.slice(0, 8)}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
