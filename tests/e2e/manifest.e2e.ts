import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(import.meta.dirname, '..', '..', '.output');
const manifest = (build: string) =>
  JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8'));

describe('the built manifests', () => {
  const chrome = manifest('chrome-mv3');
  const firefox = manifest('firefox-mv3');

  it('give Chrome a side panel, a popup and a service worker; the content script is a file, not listed', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.side_panel.default_path).toBe('sidepanel.html');
    expect(chrome.action.default_popup).toBe('popup.html');
    expect(chrome.background.service_worker).toBe('background.js');
    expect(existsSync(join(OUTPUT, 'chrome-mv3', 'learning-page.js'))).toBe(true);
    expect(chrome.commands['open-side-panel'].suggested_key.default).toBe('Alt+Shift+L');
  });

  it('give Firefox a sidebar and its add-on id, and keep the Chrome manifest free of it', () => {
    expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.commands._execute_sidebar_action).toBeDefined();
  });

  it.each([
    ['chrome', chrome],
    ['firefox', firefox],
  ])(
    'ask %s for no static host access: an update that adds a learning site asks for nothing new',
    (_name, m) => {
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m.content_scripts ?? []).toEqual([]);
      expect(
        m.permissions.filter(
          (p: string) =>
            ![
              'unlimitedStorage',
              'activeTab',
              'scripting',
              'storage',
              'alarms',
              'sidePanel',
            ].includes(p),
        ),
      ).toEqual([]);
      // Review reminders ask for notifications when the person turns them on.
      expect(m.optional_permissions).toEqual(['notifications']);
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      // The learning sites (one per site) and the opt-in "any site", all optional.
      const optional: string[] = m.optional_host_permissions;
      expect(optional.slice(-2)).toEqual(['https://*/*', 'http://*/*']);
      const sites = optional.slice(0, -2);
      expect(sites.length).toBeGreaterThan(100);
      for (const origin of sites) expect(origin).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
    },
  );
});
