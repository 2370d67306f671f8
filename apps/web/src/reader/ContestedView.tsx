import '../styles/stances.css';
import { plural, truncate } from '../ui/format.ts';
import { StanceSplitBar } from './StanceSplitBar.tsx';
import type { useContestedPassages } from './useContestedPassages.ts';

/**
 * Where readers disagree: the passages whose discussion holds both agreement and
 * disagreement, in text order, each with how its readers split; choosing one scrolls to the
 * passage and opens its threads.
 */
export function ContestedView({
  contested,
  onOpen,
}: {
  contested: ReturnType<typeof useContestedPassages>;
  onOpen(threadId: string): void;
}) {
  if (contested.status === 'error' && !contested.passages) {
    return (
      <p className="empty-note" role="status">
        Could not load where readers disagree.{' '}
        <button type="button" className="link-button" onClick={contested.reload}>
          Try again
        </button>
      </p>
    );
  }
  if (!contested.passages) return <p className="empty-note">Loading where readers disagree…</p>;
  if (contested.passages.length === 0) {
    return (
      <p className="empty-note">
        No passage divides readers yet. A passage shows here once some readers agree with it and others disagree.
      </p>
    );
  }
  return (
    <ol className="contested-list" aria-label="Passages where readers disagree, in text order">
      {contested.passages.map((p) => (
        <li key={`${p.start}-${p.end}`} className="contested-item">
          <button type="button" className="contested-quote" onClick={() => onOpen(p.threadIds[0]!)}>
            “{truncate(p.quote, 140)}”
          </button>
          <StanceSplitBar counts={p.stances} />
          <p className="contested-meta">
            {plural(p.participants, 'person', 'people')} in {plural(p.threadIds.length, 'thread')}
          </p>
        </li>
      ))}
    </ol>
  );
}
