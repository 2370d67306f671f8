import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Header } from './Header.tsx';
import { Loading } from './StateViews.tsx';

export function Layout() {
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {/* Keyed by path so a failed or slow page never leaves the previous one on screen. */}
        <Suspense key={location.pathname.split('/c/')[0]} fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Marginalia — read closely, discuss in the margins.</p>
      </footer>
    </>
  );
}
