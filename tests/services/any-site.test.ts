import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncAnySiteScript } from '@/lib/services/browser-effects';

/** The browser's answers for the permission and the script registry; the rest is recorded. */
function browserWith(granted: boolean, registered: boolean) {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue(
    (registered ? [{ id: 'levelmate-any-site' }] : []) as never,
  );
  return {
    register: vi
      .spyOn(fakeBrowser.scripting, 'registerContentScripts')
      .mockResolvedValue(undefined),
    unregister: vi
      .spyOn(fakeBrowser.scripting, 'unregisterContentScripts')
      .mockResolvedValue(undefined),
  };
}

describe('"recognise on any site"', () => {
  it('registers the content script for every site once the setting is on and the permission granted', async () => {
    const { register, unregister } = browserWith(true, false);
    expect(await syncAnySiteScript(true, 'learning-page.js')).toBe(true);
    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({
        matches: ['https://*/*', 'http://*/*'],
        js: ['learning-page.js'],
        runAt: 'document_idle',
      }),
    ]);
    expect(unregister).not.toHaveBeenCalled();
  });

  it('registers nothing while the permission is refused, even with the setting on', async () => {
    const { register } = browserWith(false, false);
    expect(await syncAnySiteScript(true, 'learning-page.js')).toBe(false);
    expect(register).not.toHaveBeenCalled();
  });

  it('takes the script away when the setting is turned off or the permission revoked', async () => {
    const off = browserWith(true, true);
    await syncAnySiteScript(false, 'learning-page.js');
    expect(off.unregister).toHaveBeenCalledWith({ ids: ['levelmate-any-site'] });
    const revoked = browserWith(false, true);
    await syncAnySiteScript(true, 'learning-page.js');
    expect(revoked.unregister).toHaveBeenCalled();
  });

  it('registers only once', async () => {
    const { register } = browserWith(true, true);
    await syncAnySiteScript(true, 'learning-page.js');
    expect(register).not.toHaveBeenCalled();
  });
});
