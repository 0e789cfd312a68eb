import { browser } from 'wxt/browser';
import type { ChangeRecord } from '../commands/changes';
import type { SettingsRecord } from '../schemas/records';
import { parsePageUrl } from '../web/url';
import { badgeFor, PAUSED_BADGE, type Badge } from './badge';
import type { PageVerdict } from './page-verdict';
import { isExcluded, isPaused } from './visit-policy';

/** The toolbar button's title when nothing in particular is said about a tab. */
const DEFAULT_TITLE = 'Levelmate';

/**
 * Calls a browser action method that may throw before it returns a promise (Chrome checks
 * arguments synchronously) or reject later (a tab closed meanwhile): neither is worth more
 * than a log line, and neither may stop what follows.
 */
function quietly(call: () => Promise<unknown> | undefined): Promise<void> {
  try {
    return Promise.resolve(call()).then(
      () => undefined,
      () => undefined,
    );
  } catch (error) {
    console.warn('Levelmate: toolbar button:', (error as Error).message);
    return Promise.resolve();
  }
}

/**
 * Sets a tab's badge; null gives the tab the default look: no badge of its own (the global
 * one, the paused mark while paused) and the default title.
 */
function setTabBadge(tabId: number, badge: Badge | null, defaultTitle: string): Promise<unknown> {
  const action = browser.action;
  return Promise.all([
    // Chrome and Firefox take a null text as "back to the default for all tabs"; a title must
    // be a string.
    quietly(() => action.setBadgeText({ tabId, text: (badge?.text ?? null) as string })),
    quietly(() => action.setTitle({ tabId, title: badge?.title ?? defaultTitle })),
    badge && quietly(() => action.setBadgeBackgroundColor({ tabId, color: badge.color })),
  ]);
}

/** Shows on the toolbar button whether a tab is a learning resource, and if already studied. */
export function showBadge(tabId: number, verdict: PageVerdict): Promise<unknown> {
  const badge = badgeFor(verdict);
  // The paused mark is the default for every tab while paused; no tab keeps its own.
  return badge === PAUSED_BADGE
    ? setTabBadge(tabId, null, PAUSED_BADGE.title)
    : setTabBadge(tabId, badge, DEFAULT_TITLE);
}

/**
 * No badge may claim what the person ruled out: while paused every tab shows the paused mark;
 * tabs on an excluded site show nothing.
 */
async function refreshBadges(settings: SettingsRecord, now: number): Promise<void> {
  const action = browser.action;
  const paused = isPaused(settings, now);
  const title = paused ? PAUSED_BADGE.title : DEFAULT_TITLE;
  await quietly(() => action.setBadgeText({ text: paused ? PAUSED_BADGE.text : '' }));
  await quietly(() => action.setTitle({ title }));
  if (paused) await quietly(() => action.setBadgeBackgroundColor({ color: PAUSED_BADGE.color }));
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => {
      if (tab.id === undefined) return undefined;
      const host = tab.url ? parsePageUrl(tab.url)?.host : undefined;
      const ruledOut = paused || (host !== undefined && isExcluded(settings, host));
      return ruledOut ? setTabBadge(tab.id, null, title) : undefined;
    }),
  );
}

/**
 * Refreshes every badge, one run at a time, each with the settings as they are when it runs:
 * a worker's start-up refresh that read the settings just before a pause began must not
 * take the paused mark off again once the pause's own refresh has put it there.
 */
export function badgeRefresher(
  readSettings: () => Promise<SettingsRecord>,
  now: () => number,
): () => Promise<void> {
  let line = Promise.resolve();
  return () =>
    (line = line
      .then(async () => refreshBadges(await readSettings(), now()))
      .catch((error: unknown) =>
        console.warn('Levelmate: toolbar button:', (error as Error).message),
      ));
}

/** Follows the change records: each page's verdict, and settings that rule pages out. */
export function badgeFollower(refreshAll: () => Promise<void>) {
  return async (record: ChangeRecord): Promise<void> => {
    await Promise.all(record.pages.map((page) => showBadge(page.tabId, page.verdict)));
    if (record.settings.has('pausedUntil') || record.settings.has('excludedSites')) {
      await refreshAll();
    }
  };
}
