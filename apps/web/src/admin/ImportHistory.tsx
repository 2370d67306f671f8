import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { IMPORT_JOBS_QUERY, type ImportJobsResult } from '../api/queries.ts';
import { formatRelative, formatDateTime, truncate } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';
import { describeJob } from './importSource.ts';

/** The most recent imports, newest first; reloaded whenever `version` changes. */
export function ImportHistory({ version }: { version: string }) {
  const jobs = useQuery(`imports-${version}`, (signal) =>
    api.request<ImportJobsResult>(IMPORT_JOBS_QUERY, { first: 20 }, { signal }),
  );
  return (
    <section className="admin-section" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading">Recent imports</h2>
      {jobs.status === 'error' && !jobs.data ? (
        <ErrorState error={jobs.error} onRetry={jobs.reload} title="Could not load the import history" />
      ) : !jobs.data ? (
        <Loading label="Loading imports…" />
      ) : jobs.data.importJobs.length === 0 ? (
        <p className="empty-note">Nothing imported yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Article</th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.importJobs.map((job) => (
              <tr key={job.id}>
                <td title={job.source}>{truncate(job.source, 60)}</td>
                <td>
                  <span className={`pill pill-${job.status.toLowerCase()}`}>{describeJob(job)}</span>
                  {job.warnings.length > 0 && <span className="muted"> · {job.warnings.length} warnings</span>}
                </td>
                <td>
                  <time dateTime={job.createdAt} title={formatDateTime(job.createdAt)}>
                    {formatRelative(job.createdAt)}
                  </time>
                </td>
                <td>
                  {job.articleSlug ? (
                    <Link to={`/a/${encodeURIComponent(job.articleSlug)}`}>Open</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
