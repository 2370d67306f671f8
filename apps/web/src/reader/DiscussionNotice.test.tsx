import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiscussionNotice } from './DiscussionNotice.tsx';

describe('DiscussionNotice', () => {
  it('says nothing for an open discussion of a published article', () => {
    const { container } = render(<DiscussionNotice article={{ state: 'PUBLISHED', discussionStatus: 'OPEN' }} />);
    expect(container.textContent).toBe('');
  });

  it('tells readers a closed discussion is still readable', () => {
    render(<DiscussionNotice article={{ state: 'PUBLISHED', discussionStatus: 'CLOSED' }} />);
    expect(screen.getByRole('status').textContent).toBe('Comments are closed. You can still read the discussion.');
  });

  it('tells readers an archived article’s discussion is read-only', () => {
    render(<DiscussionNotice article={{ state: 'ARCHIVED', discussionStatus: 'ARCHIVED' }} />);
    expect(screen.getByRole('status').textContent).toBe('This article is archived. Its discussion is read-only.');
  });

  it('shows staff the unpublished banner', () => {
    render(<DiscussionNotice article={{ state: 'UNPUBLISHED', discussionStatus: 'UNPUBLISHED' }} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Unpublished\. Only staff can see this article/);
  });
});
