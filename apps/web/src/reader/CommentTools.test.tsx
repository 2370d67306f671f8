import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { comment } from '../test/fixtures.ts';
import { FlagForm, ReactionBar } from './CommentTools.tsx';

describe('ReactionBar', () => {
  it('toggles a reaction and shows counts with pressed state', async () => {
    const onReact = vi.fn(async () => undefined);
    const c = comment('c1', 't1', { reactions: [{ kind: 'LIKE', count: 2 }], viewerReactions: ['LIKE'] });
    render(<ReactionBar comment={c} canReact onReact={onReact} />);
    const like = screen.getByRole('button', { name: /^Like,\s*2$/ });
    expect(like.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(like);
    expect(onReact).toHaveBeenCalledWith('LIKE', false);
    await userEvent.click(screen.getByRole('button', { name: 'Insightful' }));
    expect(onReact).toHaveBeenLastCalledWith('INSIGHTFUL', true);
  });

  it('shows only counts to readers who cannot react, and nothing when there are none', () => {
    const { container, rerender } = render(
      <ReactionBar comment={comment('c1', 't1')} canReact={false} onReact={vi.fn()} />,
    );
    expect(container.textContent).toBe('');
    rerender(
      <ReactionBar
        comment={comment('c1', 't1', { reactions: [{ kind: 'FUNNY', count: 1 }] })}
        canReact={false}
        onReact={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Funny,')).toBeTruthy();
  });
});

describe('FlagForm', () => {
  it('asks for a reason, then reports with the note', async () => {
    const onFlag = vi.fn(async () => undefined);
    render(<FlagForm onFlag={onFlag} onCancel={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(screen.getByRole('alert').textContent).toContain('Choose a reason');
    expect(onFlag).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('radio', { name: 'Off topic' }));
    await userEvent.type(screen.getByLabelText(/Anything moderators should know/), '  unrelated  ');
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(onFlag).toHaveBeenCalledWith('OFF_TOPIC', 'unrelated');
  });
});
