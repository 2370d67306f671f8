import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { silentSessionChannel } from './auth/sessionChannel.ts';
import './styles/base.css';

// Framed by a publisher's page: the frames share their session among themselves (embed/embedSession.ts),
// and a "signed in" from one of them must not make Marginalia's own tabs, or the other frame, restore
// from a cookie these frames never receive.
const framed = /^\/embed\/(panel|discussion)$/.test(location.pathname);

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider {...(framed ? { channel: silentSessionChannel } : {})}>
        <App />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
