import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { siteOrigins } from '@/lib/site-access/site-matches';
import { applyScripts, planScripts, scriptRegistrar } from '@/lib/site-access/scripts-effects';

const PATTERNS = [
  '*://*.postgresql.org/docs/*',
  '*://*.oreilly.com/library/view/designing-data-intensive-applications*',
  '*://*.learning.oreilly.com/library/view/designing-data-intensive-applications*',
  '*://*.amazon.com/*1449373321*',
];

/** The browser's grants and script registry; registrations are recorded. */
function browserWith(origins: string[], registered: { id: string; matches: string[] }[] = []) {
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
    origins,
    permissions: [],
  } as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async (p: {
    origins: string[];
  }) => p.origins.every((o) => origins.includes(o))) as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue(
    registered as never,
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

describe('learning sites as optional host permissions', () => {
  it('ask for one permission per site, its subdomains included', () => {
    expect(siteOrigins(PATTERNS)).toEqual([
      '*://*.amazon.com/*',
      '*://*.oreilly.com/*',
      '*://*.postgresql.org/*',
    ]);
  });
});

/** The learning sites' host permissions, as the manifest offers them. */
const ORIGINS = siteOrigins(PATTERNS);

describe('content scripts registered at run time', () => {
  it('registers the learning-site script for the granted sites only, one pattern each', async () => {
    const { register, unregister } = browserWith(['*://*.postgresql.org/*']);
    await applyScripts(await planScripts(ORIGINS, false), 'learning-page.js');
    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({
        id: 'levelmate-learning-sites',
        matches: ['*://*.postgresql.org/*'],
        js: ['learning-page.js'],
        persistAcrossSessions: true,
      }),
    ]);
    expect(unregister).not.toHaveBeenCalled();
  });

  it('registers nothing when nothing is granted, and removes what was registered', async () => {
    const { register, unregister } = browserWith(
      [],
      [{ id: 'levelmate-learning-sites', matches: ['*://*.postgresql.org/*'] }],
    );
    await applyScripts(await planScripts(ORIGINS, false), 'learning-page.js');
    expect(register).not.toHaveBeenCalled();
    expect(unregister).toHaveBeenCalledWith({ ids: ['levelmate-learning-sites'] });
  });

  it('re-registers when the grants change, and leaves a registration that is right alone', async () => {
    const granted = ['*://*.postgresql.org/*', '*://*.amazon.com/*'];
    const first = browserWith(granted, [
      { id: 'levelmate-learning-sites', matches: ['*://*.postgresql.org/*'] },
    ]);
    await applyScripts(await planScripts(ORIGINS, false), 'learning-page.js');
    expect(first.unregister).toHaveBeenCalledWith({ ids: ['levelmate-learning-sites'] });
    expect(first.register.mock.calls[0]![0][0]!.matches).toEqual([
      '*://*.amazon.com/*',
      '*://*.postgresql.org/*',
    ]);
    vi.restoreAllMocks();
    const second = browserWith(granted, [
      {
        id: 'levelmate-learning-sites',
        matches: ['*://*.postgresql.org/*', '*://*.amazon.com/*'],
      },
    ]);
    await applyScripts(await planScripts(ORIGINS, false), 'learning-page.js');
    expect(second.register).not.toHaveBeenCalled();
    expect(second.unregister).not.toHaveBeenCalled();
  });

  it('runs on every site only while "any site" is on and granted', async () => {
    const off = browserWith(['https://*/*', 'http://*/*']);
    await applyScripts(await planScripts(ORIGINS, false), 'learning-page.js');
    expect(off.register).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    const on = browserWith(['https://*/*', 'http://*/*']);
    await applyScripts(await planScripts(ORIGINS, true), 'learning-page.js');
    expect(on.register).toHaveBeenCalledWith([
      expect.objectContaining({ id: 'levelmate-any-site', matches: ['https://*/*', 'http://*/*'] }),
    ]);
    vi.restoreAllMocks();
    const refused = browserWith([]);
    await applyScripts(await planScripts(ORIGINS, true), 'learning-page.js');
    expect(refused.register).not.toHaveBeenCalled();
  });
});

describe('registration, one run at a time', () => {
  it('two requests at once never register a script twice, and a failure is kept and said', async () => {
    const registered = new Map<string, { id: string; matches: string[] }>();
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
      origins: ['*://*.postgresql.org/*'],
      permissions: [],
    } as never);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation((async () => {
      await new Promise((r) => setTimeout(r, 5));
      return [...registered.values()];
    }) as never);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async (
      scripts: { id: string; matches: string[] }[],
    ) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }) as never);
    const registrar = scriptRegistrar(ORIGINS, 'learning-page.js');
    await Promise.all([registrar.apply(false), registrar.apply(false), registrar.apply(false)]);
    expect([...registered.keys()]).toEqual(['levelmate-learning-sites']);
    expect(registrar.problem()).toBeNull();
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockRejectedValue(
      new Error('the registry is gone'),
    );
    await expect(registrar.apply(false)).rejects.toThrow(/did not set up page recognition/);
    expect(registrar.problem()).toBe('the registry is gone');
  });
});
