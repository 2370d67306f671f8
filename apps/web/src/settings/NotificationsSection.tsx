import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import {
  NOTIFICATION_SETTINGS_QUERY,
  UPDATE_NOTIFICATION_PREFERENCES_MUTATION,
  type EmailPreference,
  type NotificationKind,
  type NotificationPreference,
  type NotificationSettings,
  type NotificationSettingsResult,
  type UpdateNotificationPreferencesResult,
} from '../api/queries.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';
import './notifications.css';

const KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  REPLY: { label: 'Replies', hint: 'Someone replied to your comment.' },
  MENTION: { label: 'Mentions', hint: 'Someone mentioned your @handle.' },
  MODERATION: { label: 'Moderation', hint: 'A moderator approved or rejected your comment.' },
  QUEUE_SUMMARY: { label: 'Queue summary', hint: 'Each morning: how many comments wait in each queue.' },
};

const EMAIL_LABELS: Record<EmailPreference, string> = {
  OFF: 'No email',
  IMMEDIATE: 'Right away',
  DAILY_DIGEST: 'Daily digest',
};

/** Every IANA zone the browser knows, with the saved one first if it is not among them. */
function timeZones(saved: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(saved) ? known : [saved, ...known];
}

type Message = { text: string; error: boolean } | null;

/**
 * Settings section: for each kind of notification, whether it shows in the notifications menu
 * and whether (and how) it is emailed, and the time zone whose morning the daily digest keeps.
 */
export function NotificationsSection() {
  const id = useId();
  const loaded = useQuery('notification-settings', (signal) =>
    api.request<NotificationSettingsResult>(NOTIFICATION_SETTINGS_QUERY, {}, { signal }),
  );
  const [draft, setDraft] = useState<NotificationSettings | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [saving, setSaving] = useState(false);
  const saved = loaded.data?.notificationSettings;
  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);
  const zones = useMemo(() => timeZones(draft?.timeZone ?? 'UTC'), [draft?.timeZone]);

  const change = (kind: NotificationKind, patch: Partial<NotificationPreference>) => {
    setMessage(null);
    setDraft((d) =>
      d ? { ...d, preferences: d.preferences.map((p) => (p.kind === kind ? { ...p, ...patch } : p)) } : d,
    );
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    setMessage(null);
    try {
      const data = await api.request<UpdateNotificationPreferencesResult>(UPDATE_NOTIFICATION_PREFERENCES_MUTATION, {
        input: { preferences: draft.preferences, timeZone: draft.timeZone },
      });
      setDraft(data.updateNotificationPreferences);
      setMessage({ text: 'Notification settings saved.', error: false });
    } catch (error) {
      setMessage({ text: `Not saved: ${errorMessage(error)}`, error: true });
    } finally {
      setSaving(false);
    }
  }

  if (loaded.status === 'error' && !saved) {
    return (
      <ErrorState title="Could not load your notification settings" error={loaded.error} onRetry={loaded.reload} />
    );
  }
  if (!draft) return <Loading label="Loading notification settings…" />;

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Notifications</h2>
      <form className="notification-settings" onSubmit={submit} noValidate>
        <table className="notification-table">
          <caption className="visually-hidden">What you are told, and how</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">In the menu</th>
              <th scope="col">Email</th>
            </tr>
          </thead>
          <tbody>
            {draft.preferences.map((p) => {
              const { label, hint } = KIND_LABELS[p.kind];
              return (
                <tr key={p.kind}>
                  <th scope="row">
                    <span className="notification-kind">{label}</span>
                    <span className="field-hint">{hint}</span>
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${label} in the notifications menu`}
                      checked={p.inApp}
                      onChange={(e) => change(p.kind, { inApp: e.target.checked })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${label} by email`}
                      value={p.email}
                      onChange={(e) => change(p.kind, { email: e.target.value as EmailPreference })}
                    >
                      {(Object.keys(EMAIL_LABELS) as EmailPreference[]).map((value) => (
                        <option key={value} value={value}>
                          {EMAIL_LABELS[value]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone</label>
          <select
            id={`${id}-zone`}
            aria-describedby={`${id}-zone-hint`}
            value={draft.timeZone}
            onChange={(e) => {
              setMessage(null);
              setDraft({ ...draft, timeZone: e.target.value });
            }}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <p id={`${id}-zone-hint`} className="field-hint">
            The daily digest arrives after 8:00 in this time zone.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save notification settings'}
          </button>
        </div>
        {message && (
          <p className={message.error ? 'form-alert' : 'notice'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}

export default NotificationsSection;
