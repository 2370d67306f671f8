import '../styles/stances.css';
import { useId } from 'react';
import type { Stance } from '../api/types.ts';
import { STANCE_LABELS, STANCES } from './stance.ts';

const TOWARD = {
  passage: 'this passage',
  comment: 'the comment you answer',
  article: 'the article',
} as const;

/**
 * Four small toggles for the author's own stance, never required: pressing the pressed one
 * again clears it. A stance frames what the author writes; the Agree/Disagree reactions under
 * a comment are other readers' quick votes on it, and the hint says so.
 */
export function StancePicker({
  value,
  onChange,
  toward,
  disabled,
}: {
  value: Stance | null;
  onChange(stance: Stance | null): void;
  toward: keyof typeof TOWARD;
  disabled?: boolean;
}) {
  const hintId = useId();
  return (
    <div className="stance-picker">
      <div role="group" aria-label={`Your stance toward ${TOWARD[toward]} (optional)`} aria-describedby={hintId}>
        {STANCES.map((stance) => (
          <button
            key={stance}
            type="button"
            className={`stance-toggle stance-${stance.toLowerCase()}`}
            aria-pressed={value === stance}
            disabled={disabled}
            onClick={() => onChange(value === stance ? null : stance)}
          >
            {STANCE_LABELS[stance]}
          </button>
        ))}
      </div>
      <p id={hintId} className="stance-hint">
        Optional: how you frame your comment toward {TOWARD[toward]}. Reactions are others’ votes on a comment.
      </p>
    </div>
  );
}
