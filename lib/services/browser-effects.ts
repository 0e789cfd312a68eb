import { browser } from 'wxt/browser';
import { badgeFor, PAUSED_BADGE, type Badge } from '../domain/badge';
import { isSameSiteOrSubdomain, parsePageUrl } from '../domain/url';
import { isPaused } from '../domain/visit-policy';
import { ANY_SITE_ORIGINS } from '../schemas/constants';
import type { SettingsRecord } from '../schemas/records';
import type { PageVerdict } from './protocol';

// A tab may close before we answer; a failed badge update is not worth an error.
const ignore = () => undefined;

/**
 * Sets a tab's badge; null clears the tab's own badge so it shows the default (nothing, or
 * the paused mark while paused).
 */
function setTabBadge(tabId: number, badge: Badge | null): void {
  const action = browser.action;
  // Chrome and Firefox take null as "back to the default for all tabs".
  const text = (badge?.text ?? null) as string;
  action.setBadgeText({ tabId, text }).catch(ignore);
  action.setTitle({ tabId, title: (badge?.title ?? null) as string }).catch(ignore);
  if (badge) action.setBadgeBackgroundColor({ tabId, color: badge.color }).catch(ignore);
}

/** Shows on the toolbar button whether a tab is a learning resource, and if already studied. */
export function showBadge(tabId: number, verdict: PageVerdict): void {
  const badge = badgeFor(verdict);
  // The paused mark is the default for every tab while paused; no tab keeps its own.
  setTabBadge(tabId, badge === PAUSED_BADGE ? null : badge);
}

/**
 * After a settings change, no badge may claim what the person ruled out: while paused every
 * tab shows the paused mark; tabs on an excluded site show nothing.
 */
export async function refreshBadges(settings: SettingsRecord, now: number): Promise<void> {
  const action = browser.action;
  const paused = isPaused(settings, now);
  await action.setBadgeText({ text: paused ? PAUSED_BADGE.text : '' });
  await action.setTitle({ title: paused ? PAUSED_BADGE.title : 'Levelmate' });
  if (paused) await action.setBadgeBackgroundColor({ color: PAUSED_BADGE.color });
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const host = tab.url ? parsePageUrl(tab.url)?.host : undefined;
    const excluded =
      host !== undefined && settings.excludedSites.some((s) => isSameSiteOrSubdomain(host, s));
    if (paused || excluded) setTabBadge(tab.id, null);
  }
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
