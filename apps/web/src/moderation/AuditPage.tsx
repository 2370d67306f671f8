import { useSearchParams, Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { AuditTrail } from './AuditTrail.tsx';
import type { AuditLogFilter } from './types.ts';

const ACTION_GROUPS: ReadonlyArray<{ id: string; label: string; actions: string[] | null }> = [
  { id: '', label: 'Everything', actions: null },
  {
    id: 'decisions',
    label: 'Decisions on comments',
    actions: ['PIPELINE', 'APPROVE', 'REJECT', 'HOLD', 'FLAGS_THRESHOLD', 'FLAGS_RESOLVED', 'BAN'],
  },
  { id: 'users', label: 'Sanctions and roles', actions: ['SET_STATUS', 'SET_PREMOD', 'SET_ROLE', 'SANCTION_ENDED'] },
  { id: 'settings', label: 'Settings changes', actions: ['UPDATE_SETTINGS'] },
  {
    id: 'threads',
    label: 'Deletions, edits and re-attachments',
    actions: ['DELETE', 'EDIT_WHILE_HELD', 'REATTACH_THREAD'],
  },
];

/** The site-wide audit trail (or one article's, with ?article=), filtered by kind of action. */
export default function AuditPage() {
  useDocumentTitle('Audit trail');
  const [params, setParams] = useSearchParams();
  const articleId = params.get('article') || null;
  const group = ACTION_GROUPS.find((g) => g.id === (params.get('kind') ?? '')) ?? ACTION_GROUPS[0]!;
  const filter: AuditLogFilter = {
    ...(articleId ? { articleId } : {}),
    ...(group.actions ? { actions: group.actions } : {}),
  };
  return (
    <div className="admin-page audit-page">
      <p className="breadcrumb">
        <Link to="/moderate">Moderation</Link> / audit trail
      </p>
      <h1>Audit trail{articleId ? ' of an article' : ''}</h1>
      {articleId && (
        <p>
          <Link to="/moderate/audit">Show the whole site</Link>
        </p>
      )}
      <div className="audit-filters">
        <div className="field">
          <label htmlFor="audit-kind">Show</label>
          <select
            id="audit-kind"
            value={group.id}
            onChange={(e) =>
              setParams((p) => {
                const out = new URLSearchParams(p);
                if (e.target.value) out.set('kind', e.target.value);
                else out.delete('kind');
                return out;
              })
            }
          >
            {ACTION_GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <AuditTrail filter={filter} label="Audit entries" />
    </div>
  );
}
