import { browser } from 'wxt/browser';
import { originOf, patternHost } from './site-matches';
import { hostAndParents, parsePageUrl } from '../web/url';

export type SiteAccessState = 'granted' | 'needed';

/**
 * For the popup's "This page": whether a page is on a learning site, and if so whether the
 * person let Levelmate read it (null: not a learning site Levelmate knows).
 */
export function siteAccessChecker(siteOrigins: readonly string[]) {
  let hosts: Set<string> | undefined;
  return async (url: string): Promise<{ state: SiteAccessState; origin: string } | null> => {
    const known = (hosts ??= new Set(siteOrigins.flatMap((p) => patternHost(p) ?? [])));
    const host = parsePageUrl(url)?.host;
    if (!host) return null;
    const site = hostAndParents(host).find((h) => known.has(h));
    if (!site) return null;
    const origin = originOf(site);
    const granted = await browser.permissions.contains({ origins: [origin] });
    return { state: granted ? 'granted' : 'needed', origin };
  };
}
