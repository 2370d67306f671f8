import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import {
  MAX_BIO_LENGTH,
  OWN_PROFILE_QUERY,
  UPDATE_PROFILE_MUTATION,
  profilePath,
  type OwnProfileResult,
  type UpdateProfileResult,
} from '../profiles/queries.ts';
import { Field, focusFirstInvalid } from '../ui/Field.tsx';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';

type ProfileField = 'displayName' | 'bio';

/** Display name and bio; the bio is plain text (line breaks kept, no links or formatting). */
export default function ProfileSection() {
  const { user } = useAuth();
  const handle = user?.handle ?? '';
  const own = useQuery(`own-profile:${handle}`, (signal) =>
    api.request<OwnProfileResult>(OWN_PROFILE_QUERY, { handle }, { signal }),
  );
  if (own.status === 'error')
    return <ErrorState error={own.error} onRetry={own.reload} title="Could not load your profile" />;
  if (!own.data) return <Loading label="Loading your profile…" />;
  return <ProfileForm key={own.data.user.id} initial={own.data.user} />;
}

function ProfileForm({ initial }: { initial: OwnProfileResult['user'] }) {
  const { patchUser } = useAuth();
  const bioId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [bio, setBio] = useState(initial.bio ?? '');
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const found: Partial<Record<ProfileField, string>> = {};
    if (!displayName.trim()) found.displayName = 'Enter the name shown next to your comments.';
    else if (displayName.trim().length > 80) found.displayName = 'Use at most 80 characters.';
    if (bio.length > MAX_BIO_LENGTH) found.bio = `Use at most ${MAX_BIO_LENGTH} characters.`;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setSaving(true);
    try {
      const { updateProfile } = await api.request<UpdateProfileResult>(UPDATE_PROFILE_MUTATION, {
        input: { displayName: displayName.trim(), bio },
      });
      setDisplayName(updateProfile.displayName);
      setBio(updateProfile.bio ?? '');
      patchUser({ displayName: updateProfile.displayName });
      setSaved(true);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const known: Partial<Record<ProfileField, string>> = {};
      if (fields['displayName']) known.displayName = fields['displayName'];
      if (fields['bio']) known.bio = fields['bio'];
      setErrors(known);
      if (Object.keys(known).length === 0) setFormError(errorMessage(error));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="settings-profile-title">
      <h2 id="settings-profile-title">Profile</h2>
      <p>
        Your public page is <Link to={profilePath(initial.handle)}>@{initial.handle}</Link>: your name, your bio and the
        comments you have published.
      </p>
      <form ref={formRef} className="auth-form" onSubmit={submit} noValidate>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <Field
          label="Display name"
          name="displayName"
          autoComplete="name"
          hint="Shown next to your comments; 1–80 characters."
          value={displayName}
          onChange={(e) => {
            setDisplayName(e.target.value);
            setErrors((x) => ({ ...x, displayName: undefined }));
          }}
          error={errors.displayName}
          required
        />
        <div className={`field${errors.bio ? ' field-invalid' : ''}`}>
          <label htmlFor={bioId}>Bio</label>
          <textarea
            id={bioId}
            name="bio"
            value={bio}
            maxLength={MAX_BIO_LENGTH + 100}
            aria-invalid={errors.bio ? true : undefined}
            aria-describedby={`${bioId}-hint${errors.bio ? ` ${bioId}-error` : ''}`}
            onChange={(e) => {
              setBio(e.target.value);
              setErrors((x) => ({ ...x, bio: undefined }));
            }}
          />
          <p id={`${bioId}-hint`} className="field-hint">
            Plain text, shown as written. {bio.length}/{MAX_BIO_LENGTH} characters.
          </p>
          {errors.bio && (
            <p id={`${bioId}-error`} className="field-error">
              {errors.bio}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save profile'}
        </button>
        <p className="settings-saved" role="status">
          {saved ? 'Saved.' : ''}
        </p>
      </form>
    </section>
  );
}
