import Dexie from 'dexie';
import type { Recognition } from '../domain/recognition/recognise';
import { isSameSiteOrSubdomain, normaliseUrl, parsePageUrl } from '../domain/url';
import {
  cleanTitle,
  continuesSession,
  recordingBlocked,
  tagsFor,
  type SkipReason,
} from '../domain/visit-policy';
import type { LevelmateDatabase, StoredVisit } from '../db/database';
import { LIMITS } from '../schemas/constants';
import type { UrlChoiceRecord } from '../schemas/records';
import { countActivity } from './progress';
import { readSettings } from './settings';

export interface VisitOutcome {
  /** The stored visit, or null when nothing was recorded. */
  visit: StoredVisit | null;
  skipped: SkipReason | null;
  /** Whether this address had been studied before this visit. */
  studiedBefore: boolean;
  /** The person's in-page chip setting, read in the same transaction. */
  showChip: boolean;
}

/** Every visit to one address, oldest session first (a prefix of the [url+firstVisitAt] index). */
function visitsOf(db: LevelmateDatabase, url: string) {
  return db.visits.where('[url+firstVisitAt]').between([url, Dexie.minKey], [url, Dexie.maxKey]);
}

/** The most recent session's visit to an address. */
function latestVisit(db: LevelmateDatabase, url: string): Promise<StoredVisit | undefined> {
  return visitsOf(db, url).last();
}

/** Starts a new study session's visit of a page and counts it in the day's activity. */
async function addVisit(
  db: LevelmateDatabase,
  page: Pick<StoredVisit, 'url' | 'host' | 'title' | 'resourceId' | 'itemIds' | 'topics'>,
  source: StoredVisit['source'],
  now: number,
): Promise<StoredVisit> {
  const fresh = {
    ...page,
    itemIds: [...new Set(page.itemIds)].slice(0, LIMITS.itemsPerVisit),
    topics: page.topics.slice(0, LIMITS.itemsPerVisit),
    firstVisitAt: now,
    lastVisitAt: now,
    count: 1,
    activeMs: 0,
    source,
  };
  const id = await db.visits.add(fresh as StoredVisit);
  await countActivity(db, now, { studyVisits: 1 });
  return { ...fresh, id };
}

/**
 * Records a visit to a recognised page: one visit per address per session (30 minutes); a
 * later visit in the session adds to its count. A new session counts in the day's activity.
 */
export async function recordRecognisedVisit(
  db: LevelmateDatabase,
  page: { url: string; title: string; incognito: boolean },
  recognition: Recognition,
  now: number,
): Promise<VisitOutcome> {
  const url = normaliseUrl(page.url);
  const parsed = parsePageUrl(page.url);
  if (!url || !parsed) return { visit: null, skipped: null, studiedBefore: false, showChip: false };
  return db.transaction('rw', [db.visits, db.activity, db.settings, db.urlChoices], async () => {
    const [settings, choice, latest] = await Promise.all([
      readSettings(db),
      db.urlChoices.get(url),
      latestVisit(db, url),
    ]);
    const skipped = recordingBlocked(
      settings,
      { host: parsed.host, incognito: page.incognito },
      choice,
      now,
    );
    const { showChip } = settings;
    if (skipped) return { visit: null, skipped, studiedBefore: latest !== undefined, showChip };
    const itemIds = tagsFor(
      recognition.items.map((item) => item.id),
      choice,
    );
    const title = cleanTitle(page.title, LIMITS.title);
    if (latest && continuesSession(latest, now)) {
      const visit = {
        ...latest,
        title: title || latest.title,
        lastVisitAt: now,
        count: latest.count + 1,
      };
      await db.visits.put(visit);
      return { visit, skipped: null, studiedBefore: true, showChip };
    }
    const visit = await addVisit(
      db,
      {
        url,
        host: parsed.host,
        title,
        resourceId: recognition.resource.id,
        itemIds,
        topics: recognition.topics,
      },
      'auto',
      now,
    );
    return { visit, skipped: null, studiedBefore: latest !== undefined, showChip };
  });
}

/**
 * Adds visible-and-focused time to the current session's visit of an address, under the same
 * policy that decides visits: nothing while paused, on an excluded site, on a page ruled out,
 * or in a private window.
 */
export async function addActiveTime(
  db: LevelmateDatabase,
  page: { url: string; incognito: boolean },
  ms: number,
  now: number,
): Promise<void> {
  const url = normaliseUrl(page.url);
  const parsed = parsePageUrl(page.url);
  if (!url || !parsed) return;
  await db.transaction('rw', [db.visits, db.settings, db.urlChoices], async () => {
    const [settings, choice, latest] = await Promise.all([
      readSettings(db),
      db.urlChoices.get(url),
      latestVisit(db, url),
    ]);
    const where = { host: parsed.host, incognito: page.incognito };
    if (recordingBlocked(settings, where, choice, now)) return;
    if (!latest || now - latest.lastVisitAt > 6 * 60 * 60_000) return;
    await db.visits.update(latest.id, { activeMs: latest.activeMs + Math.round(ms) });
  });
}

export interface TaggedPage {
  visit: StoredVisit;
  /** A new visit was recorded (rather than items added to this session's). */
  created: boolean;
  /** The items this tagging added to the visit. */
  added: string[];
}

/**
 * Tags a page to items by hand (from the popup, on any page): adds the items to the current
 * session's visit of the address, or records a new manual visit.
 */
export async function tagPage(
  db: LevelmateDatabase,
  page: { url: string; title: string; resourceId: string | null; topics: string[] },
  itemIds: string[],
  now: number,
): Promise<TaggedPage | null> {
  const url = normaliseUrl(page.url);
  const parsed = parsePageUrl(page.url);
  if (!url || !parsed) return null;
  return db.transaction('rw', [db.visits, db.activity, db.urlChoices], async () => {
    const choice = await db.urlChoices.get(url);
    if (choice) {
      // Tagging by hand overrides an earlier "not this" for these items.
      const rejected = choice.rejectedItemIds.filter((id) => !itemIds.includes(id));
      await db.urlChoices.put({
        ...choice,
        notLearning: false,
        rejectedItemIds: rejected,
        updatedAt: now,
      });
    }
    const latest = await latestVisit(db, url);
    if (latest && continuesSession(latest, now)) {
      const added = itemIds.filter((id) => !latest.itemIds.includes(id));
      const merged = [...latest.itemIds, ...added].slice(0, LIMITS.itemsPerVisit);
      const visit = { ...latest, itemIds: merged, lastVisitAt: now };
      await db.visits.put(visit);
      return { visit, created: false, added };
    }
    const title = cleanTitle(page.title, LIMITS.title);
    const { resourceId, topics } = page;
    const visit = await addVisit(
      db,
      { url, host: parsed.host, title, resourceId, itemIds, topics },
      'manual',
      now,
    );
    return { visit, created: true, added: visit.itemIds };
  });
}

/** Takes items off a visit again (undoing a tagging), without remembering them as rejected. */
export async function untagItems(
  db: LevelmateDatabase,
  visitId: number,
  itemIds: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.visits, async () => {
    const visit = await db.visits.get(visitId);
    if (visit) {
      await db.visits.update(visitId, {
        itemIds: visit.itemIds.filter((id) => !itemIds.includes(id)),
      });
    }
  });
}

async function rememberChoice(
  db: LevelmateDatabase,
  url: string,
  change: (current: UrlChoiceRecord) => UrlChoiceRecord,
  now: number,
): Promise<void> {
  const current = (await db.urlChoices.get(url)) ?? {
    url,
    notLearning: false,
    rejectedItemIds: [],
    updatedAt: now,
  };
  await db.urlChoices.put({ ...change(current), updatedAt: now });
}

/** "Not a learning page": forgets its visits and never records the address again. */
export async function markNotLearning(
  db: LevelmateDatabase,
  pageUrl: string,
  now: number,
): Promise<number> {
  const url = normaliseUrl(pageUrl);
  if (!url) return 0;
  return db.transaction('rw', [db.visits, db.activity, db.urlChoices], async () => {
    await rememberChoice(db, url, (current) => ({ ...current, notLearning: true }), now);
    return removeVisits(db, await visitsOf(db, url).toArray());
  });
}

/** "Not this item": untags one item from a visit and from future visits of its address. */
export async function untagItem(
  db: LevelmateDatabase,
  visitId: number,
  itemId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.visits, db.urlChoices], async () => {
    const visit = await db.visits.get(visitId);
    if (!visit) return;
    await db.visits.update(visitId, { itemIds: visit.itemIds.filter((id) => id !== itemId) });
    await rememberChoice(
      db,
      visit.url,
      (current) => ({
        ...current,
        rejectedItemIds: [...new Set([...current.rejectedItemIds, itemId])],
      }),
      now,
    );
  });
}

/** Deletes visits and takes them out of the activity of the days they started on. */
async function removeVisits(db: LevelmateDatabase, visits: StoredVisit[]): Promise<number> {
  for (const visit of visits) await countActivity(db, visit.firstVisitAt, { studyVisits: -1 });
  await db.visits.bulkDelete(visits.map((visit) => visit.id));
  return visits.length;
}

export async function removeVisit(db: LevelmateDatabase, visitId: number): Promise<void> {
  await db.transaction('rw', [db.visits, db.activity], async () => {
    const visit = await db.visits.get(visitId);
    if (visit) await removeVisits(db, [visit]);
  });
}

/** Deletes every visit to a site and its subdomains (from settings). */
export async function deleteSiteVisits(db: LevelmateDatabase, site: string): Promise<number> {
  return db.transaction('rw', [db.visits, db.activity], async () => {
    // A rare action from settings: a scan is cheaper overall than indexing every visit's host.
    return removeVisits(
      db,
      await db.visits.filter((visit) => isSameSiteOrSubdomain(visit.host, site)).toArray(),
    );
  });
}

/** Whether an address has any recorded visit (for the badge: "already studied"). */
export async function hasVisits(db: LevelmateDatabase, pageUrl: string): Promise<boolean> {
  const url = normaliseUrl(pageUrl);
  return url !== null && (await visitsOf(db, url).count()) > 0;
}
