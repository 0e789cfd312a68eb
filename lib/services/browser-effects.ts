import { browser } from 'wxt/browser';
import { badgeFor } from '../domain/badge';
import { ANY_SITE_ORIGINS } from '../schemas/constants';
import type { PageVerdict } from './protocol';

/** Shows on the toolbar button whether a tab is a learning resource, and if already studied. */
export function showBadge(tabId: number, verdict: PageVerdict): void {
  const badge = badgeFor(verdict);
  const action = browser.action;
  // A tab may close before we answer; a failed badge update is not worth an error.
  const ignore = () => undefined;
  if (!badge) {
    action.setBadgeText({ tabId, text: '' }).catch(ignore);
    action.setTitle({ tabId, title: 'Levelmate' }).catch(ignore);
    return;
  }
  action.setBadgeText({ tabId, text: badge.text }).catch(ignore);
  action.setBadgeBackgroundColor({ tabId, color: badge.color }).catch(ignore);
  action.setTitle({ tabId, title: badge.title }).catch(ignore);
}

/** The content script registered at run time when the person opts in to "any site". */
const ANY_SITE_SCRIPT = 'levelmate-any-site';

/**
 * Keeps the opt-in "recognise on any site" content script in line with the setting and the
 * granted permission: registered only while both hold, so turning it off (or revoking the
 * permission in the browser) leaves our code on learning-resource sites alone.
 */
export async function syncAnySiteScript(
  enabled: boolean,
  contentScriptFile: string,
): Promise<boolean> {
  const granted = enabled && (await browser.permissions.contains({ origins: ANY_SITE_ORIGINS }));
  const registered = await browser.scripting.getRegisteredContentScripts({
    ids: [ANY_SITE_SCRIPT],
  });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: ANY_SITE_SCRIPT,
        matches: ANY_SITE_ORIGINS,
        js: [contentScriptFile],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [ANY_SITE_SCRIPT] });
  }
  return granted;
}
