import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import { SETTINGS_QUERY, UPDATE_SETTINGS_MUTATION, type Settings } from './queries.ts';

type ListKey = 'bannedWords' | 'suspectWords' | 'allowedLinkDomains' | 'blockedLinkDomains';
type NumberKey =
  | 'maxLinks'
  | 'minLength'
  | 'maxLength'
  | 'flagThreshold'
  | 'flagStandingMinAccountAgeHours'
  | 'flagStandingMinPublishedComments'
  | 'newCommenterHold';

const LISTS: ReadonlyArray<{ key: ListKey; label: string; hint: string }> = [
  { key: 'bannedWords', label: 'Banned words', hint: 'Comments containing these are rejected. One per line.' },
  { key: 'suspectWords', label: 'Suspect words', hint: 'Comments containing these are held for review.' },
  { key: 'allowedLinkDomains', label: 'Allowed link domains', hint: 'When set, links elsewhere are held.' },
  { key: 'blockedLinkDomains', label: 'Blocked link domains', hint: 'Links to these are rejected.' },
];

const NUMBERS: ReadonlyArray<{ key: NumberKey; label: string; hint: string }> = [
  {
    key: 'flagThreshold',
    label: 'Flag threshold',
    hint: 'Distinct reports from readers with standing that hide a comment for review.',
  },
  {
    key: 'flagStandingMinAccountAgeHours',
    label: 'Standing: account age (hours)',
    hint: 'Newer accounts’ reports reach the Reported queue but never hide a comment.',
  },
  {
    key: 'flagStandingMinPublishedComments',
    label: 'Standing: published comments',
    hint: 'Reports count toward hiding only from readers with this many published comments.',
  },
  { key: 'newCommenterHold', label: 'New commenter hold', hint: 'Hold comments until this many are published.' },
  { key: 'maxLinks', label: 'Most links per comment', hint: 'More are held.' },
  { key: 'minLength', label: 'Shortest comment', hint: 'In characters.' },
  { key: 'maxLength', label: 'Longest comment', hint: 'In characters.' },
];

const toLines = (list: readonly string[]): string => list.join('\n');
const fromLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Admin: word lists, thresholds, pre-moderation and the new-commenter hold. */
export default function SettingsPage() {
  useDocumentTitle('Moderation settings');
  const id = useId();
  const loaded = useQuery('moderation-settings', (signal) =>
    api.request<{ moderationSettings: Settings }>(SETTINGS_QUERY, {}, { signal }),
  );
  const [lists, setLists] = useState<Record<ListKey, string> | null>(null);
  const [numbers, setNumbers] = useState<Record<NumberKey, string> | null>(null);
  const [flags, setFlags] = useState<{
    premodAll: boolean;
    toxicity: boolean;
    toxicAction: 'HELD' | 'REJECTED';
    requireVerifiedEmail: boolean;
  }>({
    premodAll: false,
    toxicity: true,
    toxicAction: 'HELD',
    requireVerifiedEmail: true,
  });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const reset = (s: Settings) => {
    setLists({
      bannedWords: toLines(s.bannedWords),
      suspectWords: toLines(s.suspectWords),
      allowedLinkDomains: toLines(s.allowedLinkDomains),
      blockedLinkDomains: toLines(s.blockedLinkDomains),
    });
    setNumbers({
      maxLinks: String(s.maxLinks),
      minLength: String(s.minLength),
      maxLength: String(s.maxLength),
      flagThreshold: String(s.flagThreshold),
      flagStandingMinAccountAgeHours: String(s.flagStandingMinAccountAgeHours),
      flagStandingMinPublishedComments: String(s.flagStandingMinPublishedComments),
      newCommenterHold: String(s.newCommenterHold),
    });
    setFlags({
      premodAll: s.premodAll,
      toxicity: s.toxicity.enabled,
      toxicAction: s.toxicity.action,
      requireVerifiedEmail: s.requireVerifiedEmailToComment,
    });
  };
  const settings = loaded.data?.moderationSettings;
  useEffect(() => {
    if (settings) reset(settings);
  }, [settings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!lists || !numbers) return;
    const parsed: Partial<Record<NumberKey, number>> = {};
    for (const { key, label } of NUMBERS) {
      const n = Number(numbers[key]);
      if (!Number.isInteger(n) || n < 0) {
        setMessage({ text: `${label} must be a whole number.`, error: true });
        return;
      }
      parsed[key] = n;
    }
    const input = {
      ...parsed,
      bannedWords: fromLines(lists.bannedWords),
      suspectWords: fromLines(lists.suspectWords),
      allowedLinkDomains: fromLines(lists.allowedLinkDomains),
      blockedLinkDomains: fromLines(lists.blockedLinkDomains),
      premodAll: flags.premodAll,
      toxicity: { enabled: flags.toxicity, action: flags.toxicAction },
      requireVerifiedEmailToComment: flags.requireVerifiedEmail,
    };
    setSaving(true);
    setMessage(null);
    try {
      const data = await api.request<{ updateModerationSettings: Settings }>(UPDATE_SETTINGS_MUTATION, { input });
      reset(data.updateModerationSettings);
      setMessage({ text: 'Saved. The next comment moderated uses these settings.', error: false });
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      setMessage({ text: `${field ? `${field}: ` : ''}${errorMessage(error)}`, error: true });
    } finally {
      setSaving(false);
    }
  }

  if (loaded.status === 'error' && !settings) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!lists || !numbers) return <Loading label="Loading settings…" />;

  return (
    <div className="admin-page">
      <h1>Moderation settings</h1>
      <p className="admin-lede">What the automatic pipeline checks before a comment is published.</p>
      <form className="import-form settings-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Pre-moderation</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={flags.premodAll}
              onChange={(e) => setFlags((f) => ({ ...f, premodAll: e.target.checked }))}
            />
            Hold every comment for a moderator
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={flags.requireVerifiedEmail}
              onChange={(e) => setFlags((f) => ({ ...f, requireVerifiedEmail: e.target.checked }))}
            />
            Only authors who verified their email address may comment
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={flags.toxicity}
              onChange={(e) => setFlags((f) => ({ ...f, toxicity: e.target.checked }))}
            />
            Check for toxic language, and{' '}
            <select
              aria-label="What to do with toxic comments"
              value={flags.toxicAction}
              onChange={(e) => setFlags((f) => ({ ...f, toxicAction: e.target.value as 'HELD' | 'REJECTED' }))}
            >
              <option value="HELD">hold them</option>
              <option value="REJECTED">reject them</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Thresholds</legend>
          <div className="settings-grid">
            {NUMBERS.map(({ key, label, hint }) => (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{label}</label>
                <input
                  id={`${id}-${key}`}
                  inputMode="numeric"
                  value={numbers[key]}
                  onChange={(e) => setNumbers((n) => (n ? { ...n, [key]: e.target.value } : n))}
                  aria-describedby={`${id}-${key}-hint`}
                />
                <p id={`${id}-${key}-hint`} className="field-hint">
                  {hint}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Word and link lists</legend>
          <div className="settings-grid">
            {LISTS.map(({ key, label, hint }) => (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{label}</label>
                <textarea
                  id={`${id}-${key}`}
                  rows={5}
                  value={lists[key]}
                  onChange={(e) => setLists((l) => (l ? { ...l, [key]: e.target.value } : l))}
                  aria-describedby={`${id}-${key}-hint`}
                />
                <p id={`${id}-${key}-hint`} className="field-hint">
                  {hint}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
        {message && (
          <p className={message.error ? 'form-alert' : 'notice'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </div>
  );
}
