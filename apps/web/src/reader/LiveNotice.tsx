import { plural } from '../ui/format.ts';

export interface LiveState {
  /** Others' new comments fetched but not shown yet. */
  hiddenCount: number;
  reveal(): void;
  /** A new revision of the article arrived while it was open. */
  revised: boolean;
}

/**
 * Live updates announce themselves instead of moving the text: new comments wait behind a
 * button, and a new revision asks for a reload. The region is polite, so screen readers hear
 * it without losing their place.
 */
export function LiveNotice({ live }: { live: LiveState }) {
  return (
    <div className="live-notice" role="status" aria-live="polite">
      {live.hiddenCount > 0 && (
        <button type="button" className="live-pill" onClick={live.reveal}>
          <span className="live-dot" aria-hidden="true" />
          Show {plural(live.hiddenCount, 'new comment')}
        </button>
      )}
      {live.revised && (
        <p className="live-pill is-static">
          This article has been revised.{' '}
          <button type="button" className="link-button" onClick={() => window.location.reload()}>
            Reload
          </button>{' '}
          to read the latest version.
        </p>
      )}
    </div>
  );
}
