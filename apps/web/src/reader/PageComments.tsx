import type { Stance, Thread } from '../api/types.ts';
import { plural } from '../ui/format.ts';
import { CommentList, type CommentActions } from './CommentItem.tsx';
import { Composer } from './Composer.tsx';
import { SignInPrompt, useCommentPermission } from './SignInPrompt.tsx';
import { useMemo, useState } from 'react';
import { SortSelect } from './SortSelect.tsx';
import { buildCommentTree, sortCommentNodes, type DiscussionOrder } from './threads.ts';

interface PageCommentsProps {
  threads: readonly Thread[];
  actions: CommentActions;
  onPost(body: string, stance: Stance | null): Promise<void>;
  /** The discussion takes no new comments (the reader is told why above). */
  readOnly?: boolean;
}

/** Comments on the article as a whole, below the text. Each page-level thread is a root comment. */
export function PageComments({ threads, actions, onPost, readOnly = false }: PageCommentsProps) {
  const permission = useCommentPermission();
  const [order, setOrder] = useState<DiscussionOrder>('oldest');
  const nodes = useMemo(
    () =>
      sortCommentNodes(
        threads.flatMap((t) => buildCommentTree(t.comments)),
        order,
      ),
    [threads, order],
  );
  const count = threads.reduce((n, t) => n + t.commentCount, 0);
  return (
    <section className="page-comments" aria-labelledby="page-comments-heading">
      <h2 id="page-comments-heading">
        Discussion <span className="count">{plural(count, 'comment')}</span>
      </h2>
      <p className="page-comments-lede">
        Comments about the article as a whole.{readOnly ? '' : ' To discuss a passage, select it in the text.'}
      </p>
      {readOnly ? null : permission === 'allowed' ? (
        <Composer
          label="Comment on the whole article"
          placeholder="Share your thoughts on this article…"
          stanceToward="article"
          onSubmit={onPost}
        />
      ) : (
        <SignInPrompt action="join the discussion" />
      )}
      {nodes.length > 1 && <SortSelect value={order} options={['oldest', 'newest', 'reactions']} onChange={setOrder} />}
      {nodes.length > 0 ? (
        <CommentList nodes={nodes} actions={actions} />
      ) : (
        <p className="empty-note">No comments on the article as a whole yet.</p>
      )}
    </section>
  );
}
