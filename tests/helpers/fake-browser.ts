import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MANIFEST_PERMISSIONS } from '@/lib/schemas/constants';
import { installFakePermissions } from './fake-permissions';

/**
 * A browser as it is before the extension starts: no listeners, nothing stored, the manifest's
 * permissions. Every test begins with one; a test that plays many runs (a property) starts
 * each run with one, so no earlier run's background answers its messages.
 */
export function resetFakeBrowser(): void {
  fakeBrowser.reset();
  installFakePermissions();
  // The fake browser has no manifest: it declares the same permissions as the real one.
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, permissions: [...MANIFEST_PERMISSIONS] }),
  });
}
