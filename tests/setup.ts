import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MANIFEST_PERMISSIONS } from '@/lib/schemas/constants';
import { installFakePermissions } from './helpers/fake-permissions';

beforeEach(() => {
  fakeBrowser.reset();
  installFakePermissions();
  // The fake browser has no manifest: it declares the same permissions as the real one.
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, permissions: [...MANIFEST_PERMISSIONS] }),
  });
});
