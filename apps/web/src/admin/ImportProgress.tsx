import { Link } from 'react-router';
import type { ImportJob } from '../api/types.ts';
import { plural } from '../ui/format.ts';
import { describeJob } from './importSource.ts';

/** Progress of one import: a labelled bar, then its warnings and a link to the article. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const done = job.status === 'SUCCEEDED';
  const failed = job.status === 'FAILED';
  const label = describeJob(job);
  const value = done ? 100 : Math.max(0, Math.min(100, job.progress));
  return (
    <section className={`import-progress${failed ? ' is-failed' : ''}`} aria-labelledby="import-progress-heading">
      <h2 id="import-progress-heading">{failed ? 'Import failed' : done ? 'Import complete' : 'Importing'}</h2>
      <p className="import-source" title={job.source}>
        {job.source}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% — ${label}`}
      >
        <div className="progress-bar" style={{ width: `${value}%` }} />
      </div>
      <p className="import-step" role="status">
        {label}
        {!failed && <span className="import-percent"> · {value}%</span>}
      </p>
      {failed && job.error && (
        <p className="form-alert" role="alert">
          {job.error}
        </p>
      )}
      {job.warnings.length > 0 && (
        <details className="import-warnings" open>
          <summary>{plural(job.warnings.length, 'warning')}</summary>
          <ul>
            {job.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {done && job.articleSlug && (
        <p>
          <Link className="button button-primary" to={`/a/${encodeURIComponent(job.articleSlug)}`}>
            Read the article
          </Link>
        </p>
      )}
    </section>
  );
}
