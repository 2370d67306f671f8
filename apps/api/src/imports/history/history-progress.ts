/** What a site-history import is busy with, for the progress bar. */
export type HistoryStep = 'articles' | 'comments';

/** Reports an import's progress by bytes of the file read, after each article and each 1,000 comments. */
export class HistoryProgress {
  private comments = 0;
  private reported = 0;

  constructor(
    private readonly totalBytes: number,
    private readonly report: (percent: number, step: HistoryStep) => Promise<void>,
  ) {}

  private percent(bytesRead: number): number {
    return this.totalBytes > 0 ? Math.min(99, Math.floor((bytesRead / this.totalBytes) * 100)) : 0;
  }

  async article(bytesRead: number, comments: number): Promise<void> {
    this.comments += comments;
    this.reported = this.comments;
    await this.report(this.percent(bytesRead), 'articles');
  }

  async comment(bytesRead: number): Promise<void> {
    this.comments++;
    if (this.comments - this.reported >= 1000) {
      this.reported = this.comments;
      await this.report(this.percent(bytesRead), 'comments');
    }
  }
}
