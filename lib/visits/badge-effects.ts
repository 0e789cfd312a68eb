import { browser } from 'wxt/browser';
import { badgeFor, PAUSED_BADGE, type Badge } from './badge';
import { parsePageUrl } from '../web/url';
import { isExcluded, isPaused } from './visit-policy';
import { grantedPatterns } from '../site-access/site-matches';
import { ANY_SITE_ORIGINS } from '../schemas/constants';
import type { SettingsRecord } from '../schemas/records';
import type { PageVerdict } from '../commands/protocol';

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
    if (paused || (host !== undefined && isExcluded(settings, host))) setTabBadge(tab.id, null);
  }
}

/** Our content scripts, registered at run time: never listed in the manifest. */
const SCRIPTS = { learningSites: 'levelmate-learning-sites', anySite: 'levelmate-any-site' };

/** What should be registered: the learning sites granted, and every site if opted in. */
export interface ScriptPlan {
  learningSites: string[];
  anySite: boolean;
}

/**
 * The content scripts the person's grants and settings call for: on the learning sites they
 * granted (narrowed to the rules' paths), and on every site only while "recognise on any
 * site" is on and granted. So an update that adds sites changes no required permission.
 */
export async function planScripts(
  patterns: readonly string[],
  anySiteWanted: boolean,
): Promise<ScriptPlan> {
  const { origins = [] } = await browser.permissions.getAll();
  const anySite =
    anySiteWanted && (await browser.permissions.contains({ origins: ANY_SITE_ORIGINS }));
  return { learningSites: grantedPatterns(patterns, origins), anySite };
}

/** Brings the browser's registered content scripts in line with a plan. */
export async function applyScripts(plan: ScriptPlan, contentScriptFile: string): Promise<void> {
  const registered = new Map(
    (await browser.scripting.getRegisteredContentScripts()).map((s) => [s.id, s]),
  );
  const wanted = new Map<string, string[]>();
  if (plan.learningSites.length > 0) wanted.set(SCRIPTS.learningSites, plan.learningSites);
  if (plan.anySite) wanted.set(SCRIPTS.anySite, ANY_SITE_ORIGINS);
  const stale = [...registered.keys()].filter((id) => {
    const matches = wanted.get(id);
    return (
      !matches ||
      [...(registered.get(id)!.matches ?? [])].sort().join() !== [...matches].sort().join()
    );
  });
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted].filter(([id]) => !registered.has(id) || stale.includes(id));
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map(([id, matches]) => ({
      id,
      matches,
      js: [contentScriptFile],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    })),
  );
}
