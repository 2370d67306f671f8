import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function NotFound({ title = 'Page not found', children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="not-found">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      {children ?? <p>The page you were looking for isn’t here. It may have moved, or the link may be mistyped.</p>}
      <p>
        <Link className="button" to="/">
          Browse articles
        </Link>
      </p>
    </div>
  );
}

export default function NotFoundPage() {
  useDocumentTitle('Not found');
  return <NotFound />;
}
