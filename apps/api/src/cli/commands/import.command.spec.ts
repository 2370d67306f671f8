import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportRunner } from '../../imports/import-runner.js';
import { SEED_DIR } from '../../../test/support/imports/import-client.js';
import { withContext } from '../context.js';
import { importCommand, importFiles } from './import.command.js';

const KEYS = [
  'slug',
  'title',
  'author',
  'siteName',
  'revision',
  'blocks',
  'sections',
  'comments',
  'anchoredThreads',
  'replies',
  'pageThreads',
  'warnings',
];

/** Runs the command as `pnpm marginalia import …` would, collecting what it prints. */
async function run(args: string[], json = true): Promise<{ code: number; lines: string[] }> {
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stdout.write;
  try {
    const code = await importCommand.run({ json }, args);
    return { code, lines: printed.join('').split('\n').filter(Boolean) };
  } finally {
    process.stdout.write = write;
  }
}

describe('pnpm marginalia import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-import-'));
  beforeAll(() => {
    writeFileSync(path.join(dir, 'notes.md'), '# Field notes\n\nA *short* note.\n\n- one\n- two\n');
    writeFileSync(path.join(dir, 'empty.txt'), '\n\n');
    writeFileSync(path.join(dir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a directory, printing one JSON object per file with exactly the documented keys', async () => {
    const { code, lines } = await run([SEED_DIR]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    const results = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const result of results) expect(Object.keys(result)).toEqual(KEYS);
    expect(results[1]).toMatchObject({
      slug: 'is-rapprochement-with-russia-still-possible',
      title: 'Is Rapprochement with Russia Still Possible?',
      author: 'Daniel Larison',
      siteName: 'The American Conservative',
      revision: 1,
      comments: 19,
    });
    const comments = results[1]!;
    expect(comments['anchoredThreads']).toBeGreaterThanOrEqual(2);
    expect(comments['replies']).toBeGreaterThanOrEqual(6);
    expect(
      (comments['anchoredThreads'] as number) + (comments['replies'] as number) + (comments['pageThreads'] as number),
    ).toBe(19);
    expect(results[0]).toMatchObject({ title: 'Should the US normalize diplomatic relations with Russia?' });
    expect(results[0]!['sections']).toBeGreaterThanOrEqual(15);
  });

  it('takes several files, reports each failure by code and exits non-zero', async () => {
    const { code, lines } = await run([
      path.join(dir, 'notes.md'),
      path.join(dir, 'empty.txt'),
      path.join(dir, 'scan.txt'),
    ]);
    expect(code).toBe(1);
    const [notes, empty, scan] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(notes).toMatchObject({ slug: 'field-notes', title: 'Field notes', revision: 1, blocks: 3 });
    expect(empty).toEqual({
      input: path.join(dir, 'empty.txt'),
      error: { code: 'EMPTY', message: expect.any(String) },
    });
    expect(scan).toMatchObject({ error: { code: 'BINARY' } });
  });

  it('re-imports unchanged files without a new revision', async () => {
    const { lines } = await run([path.join(dir, 'notes.md')]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ slug: 'field-notes', revision: 1 });
  });

  it('draws a progress bar on a terminal and nothing elsewhere', async () => {
    const file = path.join(dir, 'notes.md');
    const terminal: string[] = [];
    const pipe: string[] = [];
    await withContext(async (app) => {
      const runner = app.get(ImportRunner);
      await importFiles(runner, [file], undefined, { isTTY: true, write: (s: string) => terminal.push(s) });
      await importFiles(runner, [file], undefined, { isTTY: false, write: (s: string) => pipe.push(s) });
    });
    expect(pipe).toEqual([]);
    const steps = terminal.map((s) => /\s(\d+)%\s+(\w+)/.exec(s)?.slice(1, 3));
    expect(steps.filter(Boolean)).toEqual([
      ['5', 'fetch'],
      ['30', 'parse'],
      ['50', 'store'],
      ['70', 'comments'],
      ['90', 'anchoring'],
    ]);
    expect(terminal[0]).toMatch(/^\r[█░]{24} /);
    expect(terminal.at(-1)).toBe('\r\x1b[2K'); // the line is cleared when the file is done
  });

  it('refuses an unknown format and a missing file', async () => {
    await expect(importCommand.run({ format: 'pdf' }, [dir])).rejects.toThrow(/--format must be one of/);
    await expect(importCommand.run({}, [path.join(dir, 'missing.txt')])).rejects.toThrow(/No such file/);
  });
});
