import { plural } from '../ui/format.ts';
import type { useHotSpots } from './useHotSpots.ts';

type Shading = 'discussion' | 'moderation';

/** What the moderation shading shows, or why it shows nothing (for the status line). */
export function moderationShadingStatus(hotSpots: ReturnType<typeof useHotSpots>): string {
  if (hotSpots.status === 'error') return 'Could not load where moderation happens on this article.';
  if (!hotSpots.passages) return 'Loading where moderation happens…';
  if (hotSpots.passages.length === 0) return 'No passage drew reports, holds or rejections in the last 30 days.';
  const flags = hotSpots.passages.reduce((n, p) => n + p.flags, 0);
  const held = hotSpots.passages.reduce((n, p) => n + p.held, 0);
  const rejected = hotSpots.passages.reduce((n, p) => n + p.rejected, 0);
  return `${plural(hotSpots.passages.length, 'passage')} drew ${plural(flags, 'report')}, ${held} held and ${rejected} rejected in the last 30 days; the darker, the more.`;
}

/**
 * For staff: shade the text by discussion (comments) or by moderation (reports, holds and
 * rejections over the last 30 days), so a moderator sees at a glance where trouble gathers.
 */
export function ShadingSwitch({
  shading,
  onChange,
  status,
}: {
  shading: Shading;
  onChange(shading: Shading): void;
  status: string | null;
}) {
  return (
    <div className="shading-switch">
      <div role="group" aria-label="Shade the text by">
        <span className="shading-switch-label" aria-hidden="true">
          Shade by
        </span>
        {(['discussion', 'moderation'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={`button button-ghost${shading === value ? ' is-selected' : ''}`}
            aria-pressed={shading === value}
            onClick={() => onChange(value)}
          >
            {value === 'discussion' ? 'Discussion' : 'Moderation'}
          </button>
        ))}
      </div>
      {status && (
        <p className="shading-switch-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
