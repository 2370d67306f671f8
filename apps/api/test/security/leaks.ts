/**
 * Text that must never reach a client: stack frames, file paths, and messages from the
 * database driver or the ORM. Fuzz payloads avoid these words, so a match is a leak.
 */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\bat \//,
  /\n\s+at /,
  /\/(work|home|usr|srv|opt|tmp)\//,
  /node_modules/,
  /\.(ts|js|mjs|cjs):\d+/,
  /prisma/i,
  /invalid input syntax/i,
  /duplicate key value/i,
  /violates .* constraint/i,
  /syntax error at or near/i,
  /ECONNREFUSED|ETIMEDOUT/,
  /"stack"/,
];

export function findLeak(text: string): RegExp | undefined {
  return LEAK_PATTERNS.find((pattern) => pattern.test(text));
}
