import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// No websocket in unit tests: live updates are exercised by the browser end-to-end suite.
vi.mock('../api/live.ts', () => ({ subscribeLive: () => () => undefined }));

// Unmount rendered trees between tests so component tests stay independent.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
