import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MANIFEST_PERMISSIONS } from '@/lib/schemas/constants';
import { installFakePermissions } from './helpers/fake-permissions';

// A file's first render loads the side panel's modules and opens the database; on a loaded
// two-core machine that can pass testing-library's one-second wait for what it shows.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  fakeBrowser.reset();
  installFakePermissions();
  // The fake browser has no manifest: it declares the same permissions as the real one.
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, permissions: [...MANIFEST_PERMISSIONS] }),
  });
});

afterEach(() => {
  cleanup();
});
