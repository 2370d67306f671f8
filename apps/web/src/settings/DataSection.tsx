import { useState } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { EXPORT_MY_DATA_QUERY, type ExportMyDataResult } from '../profiles/queries.ts';

/** `marginalia-<handle>-<YYYY-MM-DD>.json`, the day in the reader's time zone. */
export function exportFileName(handle: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `marginalia-${handle}-${day}.json`;
}

/** Saves `text` as a file through a temporary object URL. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Your data": one JSON file with everything Marginalia keeps about the reader. */
export default function DataSection() {
  const { user } = useAuth();
  const [state, setState] = useState<{ status: 'idle' | 'working' | 'done' } | { status: 'error'; error: unknown }>({
    status: 'idle',
  });

  async function exportData() {
    if (!user) return;
    setState({ status: 'working' });
    try {
      const { exportMyData } = await api.request<ExportMyDataResult>(EXPORT_MY_DATA_QUERY);
      download(exportMyData, exportFileName(user.handle));
      setState({ status: 'done' });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }

  return (
    <section aria-labelledby="settings-data-title">
      <h2 id="settings-data-title">Your data</h2>
      <p>Download a copy of everything Marginalia keeps about you, as one JSON file:</p>
      <ul>
        <li>your account: handle, name, email address, bio, and when you joined;</li>
        <li>
          every comment you wrote, whatever its status, with its article, the passage it answers and earlier versions;
        </li>
        <li>the reactions you gave and the reports you filed;</li>
        <li>your notifications and notification settings.</li>
      </ul>
      <button
        type="button"
        className="button button-primary"
        onClick={() => void exportData()}
        disabled={state.status === 'working'}
      >
        {state.status === 'working' ? 'Preparing your file…' : 'Download my data'}
      </button>
      <p role="status" className="settings-saved">
        {state.status === 'done' ? 'Your file has been downloaded.' : ''}
      </p>
      {state.status === 'error' && (
        <p className="form-alert" role="alert">
          {errorMessage(state.error)}
        </p>
      )}
    </section>
  );
}
