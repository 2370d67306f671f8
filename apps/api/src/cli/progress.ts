/** What the progress bar writes to: a terminal gets the bar, anything else nothing. */
export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/** A one-line progress bar on stderr when it is a terminal; silent otherwise. */
export function progressBar(
  label: string,
  stream: ProgressStream = process.stderr,
): { update(progress: number, step: string): void; done(): void } {
  const tty = stream.isTTY === true;
  const width = 24;
  return {
    update(progress, step) {
      if (!tty) return;
      const filled = Math.round((Math.min(100, Math.max(0, progress)) / 100) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(`\r${bar} ${String(progress).padStart(3)}%  ${step.padEnd(10)} ${label.slice(0, 40)}`);
    },
    done() {
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}
