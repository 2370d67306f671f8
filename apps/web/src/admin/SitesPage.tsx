import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import {
  CREATE_SITE,
  originError,
  originsFromText,
  ROTATE_SITE_SECRET,
  SITES_QUERY,
  UPDATE_SITE,
  type Site,
} from './sites.ts';

type Created = { site: Site; ssoSecret: string };

/** Admin: the publishers' sites that embed Marginalia, their snippet and SSO secret. */
export default function SitesPage() {
  useDocumentTitle('Sites');
  const loaded = useQuery('sites', (signal) => api.request<{ sites: Site[] }>(SITES_QUERY, {}, { signal }));
  const [secret, setSecret] = useState<Created | null>(null);
  const [rotating, setRotating] = useState<Site | null>(null);

  const upsert = (site: Site) =>
    loaded.update((data) => ({
      sites: data.sites.some((s) => s.id === site.id)
        ? data.sites.map((s) => (s.id === site.id ? site : s))
        : [...data.sites, site],
    }));

  const sites = loaded.data?.sites;
  return (
    <div className="admin-page">
      <h1>Sites</h1>
      <p className="admin-lede">
        Publishers’ websites that show Marginalia on their own article pages. Pages from a site’s origins get the embed;
        the URL importer may fetch from them.
      </p>
      {secret && <SecretNotice created={secret} onDone={() => setSecret(null)} />}
      <NewSiteForm
        onCreated={(created) => {
          upsert(created.site);
          setSecret(created);
        }}
      />
      <h2>Registered sites</h2>
      {loaded.status === 'error' && !sites ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : !sites ? (
        <Loading label="Loading sites…" />
      ) : sites.length === 0 ? (
        <EmptyState title="No sites yet">
          Register a publisher’s site above to get the snippet its article pages need.
        </EmptyState>
      ) : (
        <ul className="site-list">
          {sites.map((site) => (
            <SiteCard key={site.id} site={site} onSaved={upsert} onRotate={() => setRotating(site)} />
          ))}
        </ul>
      )}
      {rotating && (
        <RotateDialog
          site={rotating}
          onClose={() => setRotating(null)}
          onRotated={(created) => {
            upsert(created.site);
            setRotating(null);
            setSecret(created);
          }}
        />
      )}
    </div>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <>
      <button type="button" className="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className="field-hint">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the text and copy it.' : ''}
      </span>
    </>
  );
}

function SecretNotice({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <section className="notice site-secret" aria-labelledby="site-secret-title">
      <h2 id="site-secret-title">Single sign-on secret of {created.site.name}</h2>
      <p>
        Store it on the publisher’s server now: it signs readers’ sign-in tokens and is not shown again (rotate it to
        get a new one).
      </p>
      <pre>
        <code>{created.ssoSecret}</code>
      </pre>
      <div className="form-actions">
        <CopyButton text={created.ssoSecret} label="Copy secret" />
        <button type="button" className="button button-primary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </section>
  );
}

function NewSiteForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const data = await api.request<{ createSite: Created }>(CREATE_SITE, {
        input: { name, origins: originsFromText(origins) },
      });
      onCreated(data.createSite);
      setName('');
      setOrigins('');
    } catch (e) {
      setError(originError(e instanceof ApiError ? e.field : undefined, errorMessage(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="import-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Register a site</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-origins`}>Origins</label>
        <textarea
          id={`${id}-origins`}
          rows={3}
          value={origins}
          onChange={(e) => setOrigins(e.target.value)}
          aria-describedby={`${id}-origins-hint`}
          placeholder="https://news.example"
        />
        <p id={`${id}-origins-hint`} className="field-hint">
          One a line: scheme, host and port of the pages that embed Marginalia, without a path.
        </p>
      </div>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Registering…' : 'Register site'}
        </button>
      </div>
    </form>
  );
}

function SiteCard({ site, onSaved, onRotate }: { site: Site; onSaved: (site: Site) => void; onRotate: () => void }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(site.name);
  const [origins, setOrigins] = useState(site.origins.join('\n'));
  const [premod, setPremod] = useState(site.premod);
  const [commentsOpen, setCommentsOpen] = useState(site.commentsOpen);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const data = await api.request<{ updateSite: Site }>(UPDATE_SITE, {
        input: { siteId: site.id, name, origins: originsFromText(origins), premod, commentsOpen },
      });
      onSaved(data.updateSite);
      setEditing(false);
      setMessage({ text: 'Saved.', error: false });
    } catch (e) {
      setMessage({ text: originError(e instanceof ApiError ? e.field : undefined, errorMessage(e)), error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <li className="site-card" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{site.name}</h3>
      <p className="site-meta">
        {site.origins.join(', ')} · {site.articleCount} {site.articleCount === 1 ? 'article' : 'articles'} ·{' '}
        {site.commentsOpen ? 'comments open' : 'comments closed'}
        {site.premod ? ' · pre-moderated' : ''}
      </p>
      <label htmlFor={`${id}-snippet`}>Embed snippet</label>
      <textarea id={`${id}-snippet`} className="site-snippet" readOnly rows={4} value={site.embedSnippet} />
      <div className="form-actions">
        <CopyButton text={site.embedSnippet} label="Copy snippet" />
        <button type="button" className="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          {editing ? 'Cancel' : 'Edit'}
        </button>
        <button type="button" className="button" onClick={onRotate}>
          Rotate SSO secret
        </button>
      </div>
      {editing && (
        <form className="import-form" onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor={`${id}-edit-name`}>Name</label>
            <input id={`${id}-edit-name`} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-edit-origins`}>Origins (one a line)</label>
            <textarea id={`${id}-edit-origins`} rows={3} value={origins} onChange={(e) => setOrigins(e.target.value)} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={commentsOpen} onChange={(e) => setCommentsOpen(e.target.checked)} />
            Accept new comments on this site’s articles
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={premod} onChange={(e) => setPremod(e.target.checked)} />
            Hold every comment for a moderator
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save site'}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p className={message.error ? 'form-alert' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </li>
  );
}

function RotateDialog({
  site,
  onClose,
  onRotated,
}: {
  site: Site;
  onClose: () => void;
  onRotated: (created: Created) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rotate = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await api.request<{ rotateSiteSecret: Created }>(ROTATE_SITE_SECRET, { siteId: site.id });
      onRotated(data.rotateSiteSecret);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Rotate the SSO secret of ${site.name}?`} onClose={onClose}>
      <p>Sign-in tokens signed with the current secret stop working at once, until the publisher uses the new one.</p>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Keep the current secret
        </button>
        <button type="button" className="button button-primary" onClick={() => void rotate()} disabled={busy}>
          {busy ? 'Rotating…' : 'Rotate secret'}
        </button>
      </div>
    </Dialog>
  );
}
