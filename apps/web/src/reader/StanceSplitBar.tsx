import { STANCE_LABELS, stanceShares, type StanceCounts } from './stance.ts';
import '../styles/stances.css';

/** One passage's stances as a stacked bar, with the counts in words for everyone. */
export function StanceSplitBar({ counts }: { counts: StanceCounts }) {
  const shares = stanceShares(counts).filter((s) => s.count > 0);
  return (
    <div className="stance-split">
      <div className="stance-split-bar" aria-hidden="true">
        {shares.map((s) => (
          <span
            key={s.stance}
            className={`stance-split-part stance-${s.stance.toLowerCase()}`}
            style={{ flexGrow: s.share }}
          />
        ))}
      </div>
      <p className="stance-split-legend">
        {shares.map((s, i) => (
          <span key={s.stance} className={`stance-split-count stance-${s.stance.toLowerCase()}`}>
            {STANCE_LABELS[s.stance]} {s.count}
            {i < shares.length - 1 ? ' · ' : ''}
          </span>
        ))}
      </p>
    </div>
  );
}
