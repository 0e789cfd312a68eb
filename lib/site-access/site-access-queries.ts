import { browser } from 'wxt/browser';
import { storedItem } from '../db/stored-item';
import { patternHost } from './site-matches';

/**
 * Asks the browser for the learning sites. Must be the first thing a click handler does: the
 * browser asks the person only during a user gesture. The background registers the content
 * script when the grant arrives.
 */
export function requestSites(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...origins] });
}

export async function revokeSites(origins: readonly string[]): Promise<void> {
  await browser.permissions.remove({ origins: [...origins] });
}

/** Where "Not now" is remembered: a preference of this browser, not progress. */
export const declinedSites = storedItem<string[]>(
  'local:siteAccessDeclined',
  [],
  (v) => Array.isArray(v) && v.every((o) => typeof o === 'string'),
);

/** "Not now": remembered for these sites, so only sites a later update adds ask again. */
export async function declineSites(origins: readonly string[]): Promise<void> {
  await declinedSites.set([...origins]);
}

/** "*://*.postgresql.org/*" → "postgresql.org". */
export function siteName(origin: string): string {
  return patternHost(origin) ?? origin;
}
