import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';

/** Shown once an account has been deleted (the session is gone by then). */
export default function GoodbyePage() {
  useDocumentTitle('Account deleted');
  return (
    <div className="not-found">
      <h1>Your account has been deleted</h1>
      <p>Your personal data has been erased and you have been signed out everywhere. Thank you for reading with us.</p>
      <p>
        <Link className="button" to="/">
          Browse articles
        </Link>
      </p>
    </div>
  );
}
