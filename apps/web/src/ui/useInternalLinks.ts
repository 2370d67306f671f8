import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/** Paths inside user-written HTML that the app routes itself (mentions link to /u/<handle>). */
export const isInternalPath = (href: string | null): href is string => !!href && /^\/u\/[^/]/.test(href);

/**
 * A click handler for a container of server-rendered HTML: a plain click (mouse or Enter) on a
 * link to a profile is routed client-side instead of reloading the app; modified clicks (new
 * tab, new window) are left to the browser.
 */
export function useInternalLinks(): (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (event.altKey) return;
      const link = (event.target as Element).closest?.('a');
      const href = link?.getAttribute('href') ?? null;
      if (!isInternalPath(href)) return;
      event.preventDefault();
      void navigate(href);
    },
    [navigate],
  );
}
