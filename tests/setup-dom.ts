import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A file's first render loads the side panel's modules and opens the database; on a loaded
// two-core machine that can pass testing-library's one-second wait for what it shows.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
