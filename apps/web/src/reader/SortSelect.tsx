import { useId } from 'react';
import { ORDER_LABELS, type DiscussionOrder } from './threads.ts';

/** A compact labelled select for ordering threads or comments. */
export function SortSelect({
  value,
  options,
  onChange,
}: {
  value: DiscussionOrder;
  options: readonly DiscussionOrder[];
  onChange(order: DiscussionOrder): void;
}) {
  const id = useId();
  return (
    <div className="sort-select">
      <label htmlFor={id}>Sort</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as DiscussionOrder)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {ORDER_LABELS[o]}
          </option>
        ))}
      </select>
    </div>
  );
}
