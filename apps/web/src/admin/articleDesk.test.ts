import { describe, expect, it } from 'vitest';
import { fromLocalInput, outcomeSummary, toLocalInput } from './articleDesk.ts';

describe('article desk helpers', () => {
  it('summarises what a revision did to its threads, in a fixed order', () => {
    const t = (outcome: 'ANCHORED' | 'MOVED' | 'FUZZY' | 'ORPHANED') => ({
      threadId: outcome,
      outcome,
      quote: 'q',
      originalQuote: null,
      commentCount: 1,
    });
    expect(outcomeSummary([t('ORPHANED'), t('ANCHORED'), t('ANCHORED'), t('MOVED')])).toBe(
      '2 in place, 1 moved, 1 orphaned',
    );
    expect(outcomeSummary([])).toBe('—');
  });

  it('round-trips a date through the datetime-local input, and reads an empty one as none', () => {
    const iso = '2026-03-01T08:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });
});
