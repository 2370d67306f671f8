import '../styles/stances.css';
import type { Comment } from '../api/types.ts';
import { STANCE_LABELS } from './stance.ts';

/** The stance its author gave a comment, beside their name. */
export function StanceBadge({ comment }: { comment: Comment }) {
  if (!comment.stance || comment.status === 'DELETED' || comment.muted) return null;
  const toward = comment.parentId ? 'the comment it answers' : 'the passage';
  return (
    <span
      className={`stance-badge stance-${comment.stance.toLowerCase()}`}
      title={`The author’s stance toward ${toward}`}
    >
      <span className="visually-hidden">Stance: </span>
      {STANCE_LABELS[comment.stance]}
    </span>
  );
}
