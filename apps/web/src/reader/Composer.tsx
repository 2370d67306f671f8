import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, errorMessage } from '../api/errors.ts';
import { loginHref } from '../auth/AuthContext.tsx';
import { ResendVerification } from '../auth/ResendVerification.tsx';
import type { Stance } from '../api/types.ts';
import { renderPreview } from './markdownPreview.ts';
import { StancePicker } from './StancePicker.tsx';

export const MAX_BODY = 10_000;

interface ComposerProps {
  /** Accessible name of the text area, e.g. "Comment on the selected passage". */
  label: string;
  placeholder?: string;
  submitLabel?: string;
  onSubmit(body: string, stance: Stance | null): Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** Rendered above the text area (e.g. the passage being commented on). */
  context?: ReactNode;
  /** Starting text, e.g. the Markdown of a comment being edited. */
  initialValue?: string;
  /** Offer the stance toggles, toward what; without it no stance is asked. */
  stanceToward?: 'passage' | 'comment' | 'article';
  initialStance?: Stance | null;
}

/**
 * A Markdown comment box. Errors from the server are shown under the text area and
 * announced; Escape cancels and Ctrl/⌘+Enter posts.
 */
export function Composer({
  label,
  placeholder,
  submitLabel = 'Post',
  onSubmit,
  onCancel,
  autoFocus,
  context,
  initialValue = '',
  stanceToward,
  initialStance = null,
}: ComposerProps) {
  const id = useId();
  const location = useLocation();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialValue);
  const [stance, setStance] = useState<Stance | null>(initialStance);
  const [error, setError] = useState<{ message: string; signIn: boolean; verify?: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const previewing = preview !== null;

  const togglePreview = () => {
    if (previewing) {
      setPreview(null);
      requestAnimationFrame(() => textareaRef.current?.focus());
      return;
    }
    setPreview('');
    renderPreview(body).then(setPreview, () => setPreview('<p>The preview could not be shown.</p>'));
  };

  useEffect(() => {
    if (autoFocus) textareaRef.current?.focus();
  }, [autoFocus]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (submitting) return;
    const text = body.trim();
    if (!text) {
      setError({ message: 'Write something before posting.', signIn: false });
      textareaRef.current?.focus();
      return;
    }
    if (text.length > MAX_BODY) {
      setError({ message: `Comments can be at most ${MAX_BODY.toLocaleString()} characters.`, signIn: false });
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(text, stance);
      setBody('');
      setStance(initialStance);
    } catch (caught) {
      const message = caught instanceof ApiError ? (caught.fieldErrors().body ?? caught.message) : errorMessage(caught);
      setError({
        message,
        signIn: caught instanceof ApiError && caught.code === 'UNAUTHENTICATED',
        verify: caught instanceof ApiError && caught.code === 'EMAIL_NOT_VERIFIED',
      });
      textareaRef.current?.focus();
    } finally {
      setSubmitting(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className="composer" onSubmit={submit} noValidate>
      {context}
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {previewing && (
        <div className="composer-preview comment-body" aria-live="polite" aria-label="Preview">
          {preview ? (
            <div dangerouslySetInnerHTML={{ __html: preview }} />
          ) : (
            <p className="muted">{body.trim() ? 'Rendering…' : 'Nothing to preview yet.'}</p>
          )}
        </div>
      )}
      <textarea
        hidden={previewing}
        ref={textareaRef}
        id={id}
        value={body}
        placeholder={placeholder}
        rows={4}
        onChange={(e) => {
          setBody(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        disabled={submitting}
      />
      {stanceToward && <StancePicker value={stance} onChange={setStance} toward={stanceToward} disabled={submitting} />}
      <p id={hintId} className="composer-hint">
        Markdown works: <code>*italic*</code>, <code>**bold**</code>, <code>[link](https://…)</code>,{' '}
        <code>&gt; quote</code>.<span className="composer-shortcut"> Ctrl+Enter to post.</span>
      </p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error.message}
          {error.signIn && (
            <>
              {' '}
              <Link to={loginHref(location.pathname)}>Sign in again</Link>
            </>
          )}
        </p>
      )}
      {/* Outside the alert, so the button is not re-announced; the text stays until the reader edits. */}
      {error?.verify && (
        <p className="composer-verify">
          <ResendVerification label="Mail me the link again" />
        </p>
      )}
      <div className="composer-actions">
        <button
          type="button"
          className="button button-ghost composer-preview-toggle"
          aria-pressed={previewing}
          onClick={togglePreview}
          disabled={submitting}
        >
          Preview
        </button>
        {onCancel && (
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={submitting}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Posting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
