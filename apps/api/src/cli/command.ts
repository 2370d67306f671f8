import type { ParseArgsConfig } from 'node:util';

export type CliValues = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: CliValues, positionals: string[]): Promise<number>;
}

/** An error whose message is meant for the person at the terminal, as it is. */
export class CliError extends Error {}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
