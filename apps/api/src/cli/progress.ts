/** A one-line progress bar on stderr when it is a terminal; silent otherwise. */
export function progressBar(label: string): { update(progress: number, step: string): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const width = 24;
  return {
    update(progress, step) {
      if (!tty) return;
      const filled = Math.round((progress / 100) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      process.stderr.write(`\r${bar} ${String(progress).padStart(3)}%  ${step.padEnd(10)} ${label.slice(0, 40)}`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[2K');
    },
  };
}
