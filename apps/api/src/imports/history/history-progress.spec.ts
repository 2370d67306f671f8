import { HistoryProgress } from './history-progress.js';

describe('site-history import progress', () => {
  it('reports after each article and each 1,000 comments, by share of the file read', async () => {
    const reports: Array<[number, string]> = [];
    const progress = new HistoryProgress(10_000, async (percent, step) => void reports.push([percent, step]));
    await progress.article(2_500, 40);
    for (let i = 1; i <= 2_500; i++) await progress.comment(5_000 + i);
    await progress.article(10_000, 3);
    expect(reports).toEqual([
      [25, 'articles'],
      [60, 'comments'],
      [70, 'comments'],
      [99, 'articles'],
    ]);
  });
});
