import { describe, expect, it } from 'vitest';
import { describeJob, formatOfFile, isFinished, toImportInput } from './importSource.ts';

describe('import sources', () => {
  it('detects the format from the file name', () => {
    expect(formatOfFile('notes.MD')).toBe('markdown');
    expect(formatOfFile('page.htm')).toBe('html');
    expect(formatOfFile('export.bundle.json')).toBe('bundle');
    expect(formatOfFile('debate.txt')).toBe('text');
    expect(formatOfFile('README')).toBe('text');
  });

  it('builds exactly one source field, with an optional slug', () => {
    expect(toImportInput({ kind: 'paste', format: 'html', content: '<p>x</p>' })).toEqual({
      ok: true,
      input: { html: '<p>x</p>', format: 'html' },
    });
    expect(toImportInput({ kind: 'file', name: 'a.md', content: '# A' }, ' my-article ')).toEqual({
      ok: true,
      input: { markdown: '# A', format: 'markdown', slug: 'my-article' },
    });
    expect(toImportInput({ kind: 'url', url: ' https://example.org/a ' })).toEqual({
      ok: true,
      input: { url: 'https://example.org/a' },
    });
  });

  it('refuses empty content, non-http URLs and malformed slugs, naming the field', () => {
    expect(toImportInput({ kind: 'paste', format: 'text', content: '  ' })).toMatchObject({
      ok: false,
      field: 'content',
    });
    expect(toImportInput({ kind: 'file', name: 'a.txt', content: '' })).toMatchObject({ ok: false, field: 'file' });
    expect(toImportInput({ kind: 'url', url: 'ftp://example.org' })).toMatchObject({ ok: false, field: 'url' });
    expect(toImportInput({ kind: 'url', url: 'https://e.org' }, 'Bad Slug')).toMatchObject({
      ok: false,
      field: 'slug',
    });
  });

  it('describes job states and steps', () => {
    expect(describeJob({ status: 'QUEUED', step: null })).toBe('Waiting for a worker…');
    expect(describeJob({ status: 'RUNNING', step: 'anchoring' })).toBe('Anchoring comments to passages');
    expect(describeJob({ status: 'RUNNING', step: 'mystery' })).toBe('Importing…');
    expect(isFinished({ status: 'FAILED' })).toBe(true);
    expect(isFinished({ status: 'RUNNING' })).toBe(false);
  });
});
