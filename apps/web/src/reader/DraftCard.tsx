import type { CSSProperties, Ref } from 'react';
import type { Stance } from '../api/types.ts';
import { sliceCodePoints } from './codepoints.ts';
import { Composer } from './Composer.tsx';
import { SignInPrompt, useCommentPermission } from './SignInPrompt.tsx';
import { truncate } from '../ui/format.ts';

interface DraftCardProps {
  text: string;
  start: number;
  end: number;
  onPost(body: string, stance: Stance | null): Promise<void>;
  onCancel(): void;
  ref?: Ref<HTMLElement>;
  style?: CSSProperties;
}

/** The composer for a new passage thread, shown beside the selected passage. */
export function DraftCard({ text, start, end, onPost, onCancel, ref, style }: DraftCardProps) {
  const permission = useCommentPermission();
  const quote = truncate(sliceCodePoints(text, start, end), 200);
  return (
    <article ref={ref} style={style} className="thread-card is-draft" aria-label="New comment on the selected passage">
      <blockquote className="thread-quote">
        <span className="thread-quote-text">{quote}</span>
      </blockquote>
      {permission === 'allowed' ? (
        <Composer
          label="Comment on the selected passage"
          placeholder="What do you make of this passage?"
          stanceToward="passage"
          autoFocus
          onSubmit={onPost}
          onCancel={onCancel}
        />
      ) : (
        <SignInPrompt action="comment on this passage" onCancel={onCancel} />
      )}
    </article>
  );
}
