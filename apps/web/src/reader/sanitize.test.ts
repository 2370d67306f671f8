import { describe, expect, it } from 'vitest';
import type { PlacedThread } from './threads.ts';
import { heatBuckets } from './Heatmap.tsx';
import { commentText, sanitizeCommentHtml } from './sanitize.ts';

describe('sanitizeCommentHtml', () => {
  it('removes scripts, event handlers and unsafe URLs but keeps formatting', () => {
    const html = sanitizeCommentHtml(
      '<p onclick="x()">Hi <strong>there</strong><script>alert(1)</script> <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">ok</a><img src=x onerror=alert(1)></p>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|javascript|<img/);
    expect(html).toContain('<strong>there</strong>');
    expect(html).toContain('href="https://ok.example/"');
    expect(html).toContain('rel="nofollow ugc noopener noreferrer"');
  });

  it('extracts plain text for previews', () => {
    expect(commentText('<p>One</p>\n<p>two  <em>three</em></p>')).toBe('One two three');
  });
});

describe('heatBuckets', () => {
  const at = (start: number, end: number, commentCount: number) =>
    ({ id: `${start}`, anchor: { start, end }, commentCount }) as unknown as PlacedThread;

  it('places discussion weight proportionally to text offsets and normalises it', () => {
    const buckets = heatBuckets([at(0, 10, 1), at(50, 60, 3), at(55, 58, 1)], 100, 10);
    expect(buckets).toEqual([0.25, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('is empty for an article without threads', () => {
    expect(heatBuckets([], 100, 4)).toEqual([0, 0, 0, 0]);
  });

  it('weighs threads by what it is told (moderation heat), leaving threads that weigh nothing unshaded', () => {
    const heat = new Map([['50', 4]]);
    const buckets = heatBuckets([at(0, 10, 9), at(50, 60, 1)], 100, 10, (t) => heat.get(t.id) ?? 0);
    expect(buckets).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });
});
