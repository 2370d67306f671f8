import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The four seed documents, copied from /work/shared/seeds (jest runs in the package root). */
export const SEEDS = {
  debate: '000_5f63a58251b01c4f.txt',
  opinion: '001_2d1773f78bfeacc0.txt',
  wiki: '002_07e98e356f1fe255.txt',
  news: '003_384cb031686cce25.txt',
} as const;

export function readFixture(name: string): string {
  return readFileSync(join(process.cwd(), 'fixtures', name), 'utf8');
}

export function readSeed(seed: keyof typeof SEEDS): string {
  return readFixture(SEEDS[seed]);
}
