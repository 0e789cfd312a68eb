import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(import.meta.dirname, '..', '..', '.output');
const manifest = (build: string) =>
  JSON.parse(readFileSync(join(OUTPUT, build, 'manifest.json'), 'utf8'));

describe('the built manifests', () => {
  const chrome = manifest('chrome-mv3');
  const firefox = manifest('firefox-mv3');

  it('give Chrome a side panel, a popup, a service worker and the content script', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.side_panel.default_path).toBe('sidepanel.html');
    expect(chrome.action.default_popup).toBe('popup.html');
    expect(chrome.background.service_worker).toBe('background.js');
    expect(chrome.content_scripts).toHaveLength(1);
    expect(chrome.content_scripts[0].js).toEqual(['learning-page.js']);
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
    'ask %s for the least: no host access by default, nothing reachable from outside',
    (_name, m) => {
      expect(m.host_permissions ?? []).toEqual([]);
      expect(
        m.permissions.filter(
          (p: string) => !['unlimitedStorage', 'activeTab', 'scripting', 'sidePanel'].includes(p),
        ),
      ).toEqual([]);
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      const matches: string[] = m.content_scripts[0].matches;
      expect(matches.length).toBeGreaterThan(50);
      expect(
        matches.filter(
          (p) => p === '<all_urls>' || /^\*:\/\/\*\//.test(p) || /^https?:\/\/\*\//.test(p),
        ),
      ).toEqual([]);
    },
  );
});
