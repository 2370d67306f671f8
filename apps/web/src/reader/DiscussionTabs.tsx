import type { KeyboardEvent, ReactNode } from 'react';

export type DiscussionTab = 'text' | 'orphaned' | 'disagree';

interface DiscussionTabsProps {
  idPrefix: string;
  tab: DiscussionTab;
  onChange(tab: DiscussionTab): void;
  /** Null while not known (where readers disagree is asked only when that tab opens). */
  counts: Record<DiscussionTab, number | null>;
  children: ReactNode;
}

const TABS: ReadonlyArray<{ id: DiscussionTab; label: string }> = [
  { id: 'text', label: 'In the text' },
  { id: 'orphaned', label: 'Orphaned' },
  { id: 'disagree', label: 'Where readers disagree' },
];

/** WAI-ARIA tabs (arrow keys move between them): passage threads, orphaned threads, divided passages. */
export function DiscussionTabs({ idPrefix, tab, onChange, counts, children }: DiscussionTabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length;
    onChange(TABS[next]!.id);
    document.getElementById(`${idPrefix}-tab-${TABS[next]!.id}`)?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Threads">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${idPrefix}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.label}
            {counts[t.id] !== null && <span className="tab-count"> {counts[t.id]}</span>}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${tab}`} className="tab-panel">
        {children}
      </div>
    </>
  );
}
