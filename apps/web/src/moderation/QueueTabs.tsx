import type { KeyboardEvent } from 'react';
import { QUEUES } from './queries.ts';
import type { ModerationCounts, ModerationQueue } from './types.ts';

/**
 * WAI-ARIA tabs over the queues, each with its live count; arrow keys move between them.
 * `queue` is null while search results are shown: no tab is selected, the first takes the focus.
 */
export function QueueTabs({
  queue,
  counts,
  onChange,
}: {
  queue: ModerationQueue | null;
  counts: ModerationCounts | null;
  onChange(queue: ModerationQueue): void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = QUEUES.findIndex((q) => q.id === queue);
    const next = QUEUES[(index + (event.key === 'ArrowRight' ? 1 : -1) + QUEUES.length) % QUEUES.length]!;
    onChange(next.id);
    document.getElementById(`queue-tab-${next.id}`)?.focus();
  };
  return (
    <div className="mod-tabs" role="tablist" aria-label="Queues">
      {QUEUES.map((q, index) => {
        const count = counts?.[q.key];
        return (
          <button
            key={q.id}
            id={`queue-tab-${q.id}`}
            type="button"
            role="tab"
            aria-selected={q.id === queue}
            aria-controls="queue-panel"
            tabIndex={q.id === queue || (queue === null && index === 0) ? 0 : -1}
            onClick={() => onChange(q.id)}
            onKeyDown={onKeyDown}
          >
            {q.label}
            {count !== undefined && <span className="tab-count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
