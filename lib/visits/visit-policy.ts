import type { SettingsRecord, UrlChoiceRecord, VisitRecord } from '../schemas/records';
import type { Recognition } from '../recognition/recognise';
import { isSameSiteOrSubdomain } from '../web/url';

/** Visits to one address closer together than this are one study session. */
export const SESSION_GAP_MS = 30 * 60_000;

export type SkipReason = 'incognito' | 'paused' | 'excluded' | 'not-learning';

export function isPaused<S extends Pick<SettingsRecord, 'pausedUntil'>>(
  settings: S,
  now: number,
): settings is S & { pausedUntil: number } {
  return settings.pausedUntil !== null && settings.pausedUntil > now;
}

/** True when the person excluded the host's site (or a site it is under). */
export function isExcluded(settings: Pick<SettingsRecord, 'excludedSites'>, host: string): boolean {
  return settings.excludedSites.some((site) => isSameSiteOrSubdomain(host, site));
}

/** Why a visit must not be recorded, or null when it may be. Incognito is never recorded. */
export function recordingBlocked(
  settings: Pick<SettingsRecord, 'pausedUntil' | 'excludedSites'>,
  page: { host: string; incognito: boolean },
  choice: Pick<UrlChoiceRecord, 'notLearning'> | undefined,
  now: number,
): SkipReason | null {
  if (page.incognito) return 'incognito';
  if (isPaused(settings, now)) return 'paused';
  if (isExcluded(settings, page.host)) return 'excluded';
  if (choice?.notLearning) return 'not-learning';
  return null;
}

/** True when a new visit continues the latest one of the same address (one session). */
export function continuesSession(
  latest: Pick<VisitRecord, 'lastVisitAt'> | undefined,
  now: number,
): boolean {
  return (
    latest !== undefined && now - latest.lastVisitAt < SESSION_GAP_MS && now >= latest.lastVisitAt
  );
}

/** The items a page is tagged with, minus the ones the person rejected for this address. */
export function tagsFor(
  itemIds: readonly string[],
  choice: Pick<UrlChoiceRecord, 'rejectedItemIds'> | undefined,
): string[] {
  const rejected = new Set(choice?.rejectedItemIds ?? []);
  return itemIds.filter((id) => !rejected.has(id));
}

/** Page titles are stored as plain text, whitespace folded, and capped. */
export function cleanTitle(title: string, max: number): string {
  return (
    title
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max)
  );
}

const WHY_MAX = 160;

/**
 * Why a recognised page is tagged to each of its items, in a few words kept with the visit:
 * the part it is in, the resource, or the phrases its own words matched.
 */
export function whyOf(
  recognition: Pick<Recognition, 'reason' | 'resource'>,
  itemIds: readonly string[],
): Record<string, string> {
  const { reason, resource } = recognition;
  const text = (itemId: string): string => {
    switch (reason.by) {
      case 'part':
        return `In “${reason.part}” of ${resource.title}`;
      case 'words':
        return `Its words: ${(reason.phrases[itemId] ?? []).map((p) => `“${p}”`).join(', ')}`;
      default:
        return `A page of ${resource.title}`;
    }
  };
  return Object.fromEntries(itemIds.map((id) => [id, text(id).slice(0, WHY_MAX)]));
}

/** The reason of a tag the person gave by hand. */
export function byHand(itemIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(itemIds.map((id) => [id, 'Tagged by you']));
}
