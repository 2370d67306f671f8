import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './Composer.tsx';
import { ContestedView } from './ContestedView.tsx';
import { debateLean, stanceShares } from './stance.ts';
import type { useContestedPassages } from './useContestedPassages.ts';

describe('stance shares and debate lean', () => {
  it('splits counts into shares in a fixed order, zeros when nobody took a stance', () => {
    expect(stanceShares({ agree: 3, disagree: 1, question: 0, evidence: 0 }).map((s) => [s.stance, s.share])).toEqual([
      ['AGREE', 0.75],
      ['DISAGREE', 0.25],
      ['QUESTION', 0],
      ['EVIDENCE', 0],
    ]);
    expect(stanceShares({ agree: 0, disagree: 0, question: 0, evidence: 0 }).every((s) => s.share === 0)).toBe(true);
  });

  it('counts disagreeing with one side as leaning toward the other', () => {
    const lean = debateLean(
      { agree: 2, disagree: 1, question: 5, evidence: 0 },
      { agree: 0, disagree: 3, question: 0, evidence: 1 },
    );
    expect(lean).toEqual({ forA: 5, forB: 1, shareA: 5 / 6, shareB: 1 / 6 });
  });
});

describe('the stance toggles of the composer', () => {
  it('posts without a stance unless one is pressed, and a second press clears it', async () => {
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(
      <MemoryRouter>
        <Composer label="Comment" onSubmit={onSubmit} stanceToward="passage" />
      </MemoryRouter>,
    );
    const group = screen.getByRole('group', { name: /Your stance toward this passage \(optional\)/ });
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(group.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /Reactions are others’ votes/,
    );
    await userEvent.type(screen.getByLabelText('Comment'), 'Plain');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(onSubmit).toHaveBeenLastCalledWith('Plain', null);

    const disagree = screen.getByRole('button', { name: 'Disagree' });
    await userEvent.click(disagree);
    expect(disagree.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Agree' }).getAttribute('aria-pressed')).toBe('false');
    // Keyboard: the toggles are buttons, Space presses one.
    screen.getByRole('button', { name: 'Question' }).focus();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Question' }).getAttribute('aria-pressed')).toBe('true');
    expect(disagree.getAttribute('aria-pressed')).toBe('false');
    await userEvent.type(screen.getByLabelText('Comment'), 'Why?');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(onSubmit).toHaveBeenLastCalledWith('Why?', 'QUESTION');

    await userEvent.click(screen.getByRole('button', { name: 'Evidence' }));
    await userEvent.click(screen.getByRole('button', { name: 'Evidence' }));
    await userEvent.type(screen.getByLabelText('Comment'), 'Never mind');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(onSubmit).toHaveBeenLastCalledWith('Never mind', null);
  });

  it('offers no toggles where no stance is asked', () => {
    render(
      <MemoryRouter>
        <Composer label="Comment" onSubmit={vi.fn()} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('group', { name: /stance/ })).toBeNull();
  });
});

describe('where readers disagree', () => {
  const contested = (passages: ReturnType<typeof useContestedPassages>['passages']) =>
    ({
      status: 'success',
      data: undefined,
      error: null,
      passages,
      scoreOf: new Map(),
      reload: vi.fn(),
      update: vi.fn(),
    }) as unknown as ReturnType<typeof useContestedPassages>;

  it('lists divided passages with their split and opens the first thread of the one chosen', async () => {
    const onOpen = vi.fn();
    render(
      <ContestedView
        onOpen={onOpen}
        contested={contested([
          {
            start: 0,
            end: 5,
            quote: 'First',
            stances: { agree: 2, disagree: 1, question: 0, evidence: 1 },
            participants: 4,
            comments: 6,
            maxDepth: 1,
            score: 0.9,
            threadIds: ['t1', 't2'],
          },
        ])}
      />,
    );
    const list = screen.getByRole('list', { name: /Passages where readers disagree/ });
    expect(list.textContent).toContain('Agree 2');
    expect(list.textContent).toContain('Disagree 1');
    expect(list.textContent).not.toContain('Question');
    expect(list.textContent).toContain('4 people in 2 threads');
    await userEvent.click(screen.getByRole('button', { name: '“First”' }));
    expect(onOpen).toHaveBeenCalledWith('t1');
  });

  it('says so when no passage divides readers', () => {
    render(<ContestedView onOpen={vi.fn()} contested={contested([])} />);
    expect(screen.getByText(/No passage divides readers yet/)).toBeTruthy();
  });
});
