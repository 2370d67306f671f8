/**
 * Collects what is written to stdout (where pino's default destination writes) instead of
 * printing it, so log assertions do not flood the test output. `restore` puts stdout back.
 */
export function captureStdout(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  return { text: () => chunks.join(''), restore: () => void (process.stdout.write = write) };
}
