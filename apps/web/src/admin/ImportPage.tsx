import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { IMPORT_ARTICLE_MUTATION, type ImportArticleResult, type ImportArticleVariables } from '../api/queries.ts';
import type { ImportJob } from '../api/types.ts';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { formatOfFile, toImportInput, type ImportSource, type PasteFormat } from './importSource.ts';
import { uploadHistory } from './historyUpload.ts';
import { useImportJob } from './useImportJob.ts';

type Mode = 'paste' | 'file' | 'url' | 'history';

const MODES: ReadonlyArray<{ id: Mode; label: string }> = [
  { id: 'paste', label: 'Paste' },
  { id: 'file', label: 'Upload a file' },
  { id: 'url', label: 'From a URL' },
  { id: 'history', label: 'Site history' },
];

const FORMAT_LABELS: Record<PasteFormat, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML' };

/** Admin import: paste, upload or fetch an article, then follow the job to the article. */
export default function ImportPage() {
  useDocumentTitle('Import an article');
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<Mode>('paste');
  const [format, setFormat] = useState<PasteFormat>('markdown');
  const [content, setContent] = useState('');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [url, setUrl] = useState('');
  const [history, setHistory] = useState<File | null>(null);
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [started, setStarted] = useState<ImportJob | null>(null);
  const { job, error: pollError } = useImportJob(started);
  const finished = job?.status === 'SUCCEEDED' || job?.status === 'FAILED';

  const source = (): ImportSource | null => {
    if (mode === 'paste') return { kind: 'paste', format, content };
    if (mode === 'url') return { kind: 'url', url };
    return file ? { kind: 'file', ...file } : null;
  };

  const showError = (field: string, message: string) => {
    setErrors({ [field]: message });
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  async function submitHistory() {
    if (!history) return showError('history', 'Choose a WordPress or Disqus export.');
    setErrors({});
    setSubmitting(true);
    try {
      setStarted(await uploadHistory(history, await api.freshAccessToken()));
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors() : {};
      if (fields['file']) showError('history', fields['file']);
      else setErrors({ form: errorMessage(caught) });
    } finally {
      setSubmitting(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'history') return submitHistory();
    const chosen = source();
    const check = chosen
      ? toImportInput(chosen, slug)
      : { ok: false as const, field: 'file', message: 'Choose a file.' };
    if (!check.ok) {
      setErrors({ [check.field]: check.message });
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const variables: ImportArticleVariables = { input: check.input };
      const { importArticle } = await api.request<ImportArticleResult>(IMPORT_ARTICLE_MUTATION, variables);
      setStarted(importArticle);
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors() : {};
      const mapped: Record<string, string> = {};
      for (const [field, message] of Object.entries(fields)) {
        const key = ['text', 'markdown', 'html', 'bundle'].includes(field)
          ? mode === 'file'
            ? 'file'
            : 'content'
          : field;
        mapped[key] = message;
      }
      setErrors(Object.keys(mapped).length > 0 ? mapped : { form: errorMessage(caught) });
    } finally {
      setSubmitting(false);
    }
  }

  const describe = (field: string, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <div className="admin-page">
      <h1>Import an article</h1>
      <p className="admin-lede">
        Paste text, Markdown or HTML, upload a file, or fetch a page. Structure, sections and any reader comments in the
        source are recovered; you can follow the import below. Moving a whole site? Upload its WordPress or Disqus
        export as its history.
      </p>
      <form ref={formRef} className="import-form" onSubmit={submit} noValidate>
        <fieldset className="segmented-field">
          <legend>Source</legend>
          <div className="segmented">
            {MODES.map((m) => (
              <label key={m.id} className={mode === m.id ? 'is-selected' : undefined}>
                <input
                  type="radio"
                  name="import-mode"
                  value={m.id}
                  checked={mode === m.id}
                  onChange={() => {
                    setMode(m.id);
                    setErrors({});
                  }}
                />
                {m.label}
              </label>
            ))}
          </div>
        </fieldset>

        {mode === 'paste' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-format`}>Format</label>
              <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as PasteFormat)}>
                {(Object.keys(FORMAT_LABELS) as PasteFormat[]).map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${errors.content ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-content`}>Article</label>
              <textarea
                id={`${id}-content`}
                className="import-textarea"
                rows={12}
                value={content}
                onChange={(e) => setContent(e.target.value)}
                aria-invalid={errors.content ? true : undefined}
                aria-describedby={describe('content')}
                placeholder={format === 'markdown' ? '# Title\n\nFirst paragraph…' : 'Paste the article here'}
              />
              {fieldError('content')}
            </div>
          </>
        )}

        {mode === 'file' && (
          <div className={`field${errors.file ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-file`}>File</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describe('file', `${id}-file-hint`)}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                setErrors({});
                if (!chosen) return setFile(null);
                void chosen.text().then((text) => setFile({ name: chosen.name, content: text }));
              }}
            />
            <p id={`${id}-file-hint`} className="field-hint">
              {file
                ? `${file.name} — imported as ${formatOfFile(file.name)}`
                : '.txt, .md, .html or a marginalia bundle (.bundle.json), up to 2 MB.'}
            </p>
            {fieldError('file')}
          </div>
        )}

        {mode === 'history' && (
          <div className={`field${errors.history ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-history`}>Export file</label>
            <input
              id={`${id}-history`}
              type="file"
              accept=".xml,application/xml,text/xml"
              aria-invalid={errors.history ? true : undefined}
              aria-describedby={describe('history', `${id}-history-hint`)}
              onChange={(e) => {
                setErrors({});
                setHistory(e.target.files?.[0] ?? null);
              }}
            />
            <p id={`${id}-history-hint`} className="field-hint">
              {history
                ? `${history.name} — ${Math.max(1, Math.round(history.size / 1024))} KB`
                : 'A WordPress export (WXR) or a Disqus export, up to 200 MB: published posts and pages with their comments, or Disqus discussions matched to articles by address. Importing the same file again adds only what is new.'}
            </p>
            {fieldError('history')}
          </div>
        )}

        {mode === 'url' && (
          <div className={`field${errors.url ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-url`}>Address</label>
            <input
              id={`${id}-url`}
              type="url"
              inputMode="url"
              placeholder="https://example.org/article"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describe('url')}
            />
            {fieldError('url')}
          </div>
        )}

        {mode !== 'history' && (
          <div className={`field${errors.slug ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-slug`}>Address slug (optional)</label>
            <input
              id={`${id}-slug`}
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              aria-invalid={errors.slug ? true : undefined}
              aria-describedby={describe('slug', `${id}-slug-hint`)}
              placeholder="derived from the title"
            />
            <p id={`${id}-slug-hint`} className="field-hint">
              The article will live at /a/<em>slug</em>.
            </p>
            {fieldError('slug')}
          </div>
        )}

        {errors.form && (
          <p className="form-alert" role="alert">
            {errors.form}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={submitting || (!!job && !finished)}>
            {submitting ? 'Starting…' : 'Import'}
          </button>
        </div>
      </form>

      {job && <ImportProgress job={job} />}
      {pollError !== null && (
        <p className="form-alert" role="alert">
          Lost track of the import: {errorMessage(pollError)} It may still finish; see the history below.
        </p>
      )}
      {/* Reloads when an import finishes, so it appears in the list. */}
      <ImportHistory version={finished && job ? job.id : 'initial'} />
    </div>
  );
}
