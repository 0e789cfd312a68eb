import type { Recognition } from '../recognition/recognise';
import { isSameSiteOrSubdomain, normaliseUrl, parsePageUrl } from '../web/url';
import {
  byHand,
  cleanTitle,
  continuesSession,
  recordingBlocked,
  SESSION_GAP_MS,
  tagsFor,
  whyOf,
  type SkipReason,
} from './visit-policy';
import type { LevelmateDatabase, StoredVisit } from '../db/database';
import {
  deleteVisits,
  daysOfPage,
  getVisit,
  insertVisit,
  latestVisitOf,
  pagesOfSite,
  reinsertVisit,
  updateVisit,
  visitsOfPage,
  visitTables,
} from './store';
import { LIMITS } from '../schemas/constants';
import type { UrlChoiceRecord } from '../schemas/records';
import { countActivity } from '../progress/store';
import { readSettings } from '../settings/store';

export interface VisitOutcome {
  /** The stored visit, or null when nothing was recorded. */
  visit: StoredVisit | null;
  skipped: SkipReason | null;
  /** Whether this address had been studied before this visit. */
  studiedBefore: boolean;
  /** Whether the in-page chip should speak: the person's setting, on a new or changed page. */
  showChip: boolean;
}

/** Starts a new study session's visit of a page and counts it in the day's activity. */
async function addVisit(
  db: LevelmateDatabase,
  page: Pick<StoredVisit, 'url' | 'host' | 'title' | 'resourceId' | 'itemIds' | 'topics' | 'why'>,
  source: StoredVisit['source'],
  now: number,
): Promise<StoredVisit> {
  const visit = await insertVisit(db, {
    ...page,
    itemIds: [...new Set(page.itemIds)].slice(0, LIMITS.itemsPerVisit),
    topics: page.topics.slice(0, LIMITS.itemsPerVisit),
    firstVisitAt: now,
    lastVisitAt: now,
    count: 1,
    activeMs: 0,
    source,
  });
  await countActivity(db, now, { studyVisits: 1 });
  return visit;
}

const removeVisits = (db: LevelmateDatabase, visits: readonly StoredVisit[]) =>
  deleteVisits(db, visits, (time, delta) => countActivity(db, time, delta));

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
  return db.transaction('rw', [...visitTables(db), db.settings, db.urlChoices], async () => {
    const [settings, choice, latest] = await Promise.all([
      readSettings(db),
      db.urlChoices.get(url),
      latestVisitOf(db, url),
    ]);
    const skipped = recordingBlocked(
      settings,
      { host: parsed.host, incognito: page.incognito },
      choice,
      now,
    );
    if (skipped)
      return { visit: null, skipped, studiedBefore: latest !== undefined, showChip: false };
    const itemIds = tagsFor(
      recognition.items.map((item) => item.id),
      choice,
    );
    // The chip speaks on a page's first visit, and when what it counts for changed since the
    // last; not on every reload or look-up of a page the person already knows.
    const showChip =
      settings.showChip &&
      (latest === undefined || [...latest.itemIds].sort().join() !== [...itemIds].sort().join());
    const title = cleanTitle(page.title, LIMITS.title);
    if (latest && continuesSession(latest, now)) {
      const visit = {
        ...latest,
        title: title || latest.title,
        lastVisitAt: now,
        count: latest.count + 1,
      };
      await updateVisit(db, latest, visit);
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
        why: whyOf(recognition, itemIds),
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
 * or in a private window. Reading keeps the session going (its last visit moves on), and no
 * visit is credited more time than has passed since it began, whatever a page reports.
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
  await db.transaction('rw', [...visitTables(db), db.settings, db.urlChoices], async () => {
    const [settings, choice, latest] = await Promise.all([
      readSettings(db),
      db.urlChoices.get(url),
      latestVisitOf(db, url),
    ]);
    const where = { host: parsed.host, incognito: page.incognito };
    if (recordingBlocked(settings, where, choice, now)) return;
    // Time reported for a session that ended before the reading began is not this visit's.
    if (!latest || now - ms - latest.lastVisitAt > SESSION_GAP_MS) return;
    const activeMs = Math.min(
      latest.activeMs + Math.round(ms),
      Math.max(0, now - latest.firstVisitAt),
    );
    const lastVisitAt = Math.max(latest.lastVisitAt, now);
    await updateVisit(db, latest, { ...latest, activeMs, lastVisitAt });
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
  page: {
    url: string;
    title: string;
    resourceId: string | null;
    topics: string[];
    /** Why each item: the page's recognition; left out, "tagged by you". */
    why?: Record<string, string>;
  },
  itemIds: string[],
  now: number,
): Promise<TaggedPage | null> {
  const url = normaliseUrl(page.url);
  const parsed = parsePageUrl(page.url);
  if (!url || !parsed) return null;
  return db.transaction('rw', [...visitTables(db), db.urlChoices], async () => {
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
    const latest = await latestVisitOf(db, url);
    const why = page.why ?? byHand(itemIds);
    if (latest && continuesSession(latest, now)) {
      const added = itemIds.filter((id) => !latest.itemIds.includes(id));
      const merged = [...latest.itemIds, ...added].slice(0, LIMITS.itemsPerVisit);
      const visit = {
        ...latest,
        itemIds: merged,
        lastVisitAt: now,
        why: { ...why, ...latest.why },
      };
      await updateVisit(db, latest, visit);
      return { visit, created: false, added };
    }
    const title = cleanTitle(page.title, LIMITS.title);
    const { resourceId, topics } = page;
    const visit = await addVisit(
      db,
      { url, host: parsed.host, title, resourceId, itemIds, topics, why },
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
  await db.transaction('rw', visitTables(db), async () => {
    const visit = await getVisit(db, visitId);
    if (visit) {
      await updateVisit(db, visit, {
        ...visit,
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
  return db.transaction('rw', [...visitTables(db), db.urlChoices], async () => {
    await rememberChoice(db, url, (current) => ({ ...current, notLearning: true }), now);
    return removeVisits(db, await visitsOfPage(db, url));
  });
}

/** "Not this item": untags one item from a visit and from future visits of its address. */
export async function untagItem(
  db: LevelmateDatabase,
  visitId: number,
  itemId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', [...visitTables(db), db.urlChoices], async () => {
    const visit = await getVisit(db, visitId);
    if (!visit) return;
    await updateVisit(db, visit, {
      ...visit,
      itemIds: visit.itemIds.filter((id) => id !== itemId),
    });
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

/** Undoes a removal: the visit comes back with its id, tags and day's count. */
export async function restoreVisit(db: LevelmateDatabase, visit: StoredVisit): Promise<void> {
  await db.transaction('rw', visitTables(db), async () => {
    if (await reinsertVisit(db, visit))
      await countActivity(db, visit.firstVisitAt, { studyVisits: 1 });
  });
}

/** Undoes "not this item": the item is back on the visit, and no longer refused for the page. */
export async function retagItem(
  db: LevelmateDatabase,
  visitId: number,
  itemId: string,
  why: string | undefined,
  now: number,
): Promise<void> {
  await db.transaction('rw', [...visitTables(db), db.urlChoices], async () => {
    const visit = await getVisit(db, visitId);
    if (!visit || visit.itemIds.includes(itemId)) return;
    await updateVisit(db, visit, {
      ...visit,
      itemIds: [...visit.itemIds, itemId],
      why: why === undefined ? visit.why : { ...visit.why, [itemId]: why },
    });
    const choice = await db.urlChoices.get(visit.url);
    if (choice) {
      await db.urlChoices.put({
        ...choice,
        rejectedItemIds: choice.rejectedItemIds.filter((id) => id !== itemId),
        updatedAt: now,
      });
    }
  });
}

export async function removeVisit(db: LevelmateDatabase, visitId: number): Promise<void> {
  await db.transaction('rw', visitTables(db), async () => {
    const visit = await getVisit(db, visitId);
    if (visit) await removeVisits(db, [visit]);
  });
}

/** Deletes every visit to a site and its subdomains (from settings). */
export async function deleteSiteVisits(db: LevelmateDatabase, site: string): Promise<number> {
  return db.transaction('rw', visitTables(db), async () => {
    // A rare action from settings: the 1,024 page buckets are scanned for the site's addresses.
    const urls = await pagesOfSite(db, (host) => isSameSiteOrSubdomain(host, site));
    const visits = (await Promise.all(urls.map((url) => visitsOfPage(db, url)))).flat();
    return removeVisits(db, visits);
  });
}

/** Whether an address has any recorded visit (for the badge: "already studied"). */
export async function hasVisits(db: LevelmateDatabase, pageUrl: string): Promise<boolean> {
  const url = normaliseUrl(pageUrl);
  return url !== null && (await daysOfPage(db, url)).length > 0;
}
