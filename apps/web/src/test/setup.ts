import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount rendered trees between tests so component tests stay independent.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
