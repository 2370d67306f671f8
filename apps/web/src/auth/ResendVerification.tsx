import { useState } from 'react';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { RESEND_VERIFICATION_MUTATION } from './accountQueries.ts';

/** "Send the link again" for a signed-in user whose address is not verified; says what happened. */
export function ResendVerification({ label = 'Send the link again' }: { label?: string }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'verified' | { error: string }>('idle');

  const send = async () => {
    setState('sending');
    try {
      const data = await api.request<{ resendVerification: boolean }>(RESEND_VERIFICATION_MUTATION);
      setState(data.resendVerification ? 'sent' : 'verified');
    } catch (error) {
      setState({ error: errorMessage(error) });
    }
  };

  return (
    <span className="resend-verification">
      {state !== 'sent' && state !== 'verified' && (
        <button
          type="button"
          className="button"
          onClick={() => void send()}
          disabled={state === 'sending'}
          aria-busy={state === 'sending'}
        >
          {state === 'sending' ? 'Sending…' : label}
        </button>
      )}
      <span role="status">
        {state === 'sent' && 'Sent: check your mail (and its spam folder) for the new link.'}
        {state === 'verified' && 'Your address is verified already: you can comment.'}
        {typeof state === 'object' && state.error}
      </span>
    </span>
  );
}
