import { RejectedCommandError } from '../commands/command';
import type { LevelmateDatabase, StoredVisit } from '../db/database';
import type { CatalogueItem } from '../guides/catalogue';
import { setItemState } from '../progress/store';
import type { UndoRecord, UrlChoiceRecord } from '../schemas/records';
import { normaliseUrl } from '../web/url';
import type { StudiedOutcome } from './page-verdict';
import {
  markNotLearning,
  removeVisit,
  restoreVisit,
  untagItems,
  type TaggedPage,
} from './record-store';
import { latestVisitOf, updateVisit, visitsOfPage } from './store';

/*
 * Changes a person can take back from the chip or the popup, each in one transaction with
 * its undo: the undo is kept in the database beside the change, so a worker that sleeps in
 * between loses nothing and an undo never half-applies.
 */

/** An Undo older than this is gone (the chip and popup offer it for seconds). */
const UNDO_KEPT_MS = 30 * 60_000;

type Change = UndoRecord['change'];

/** Keeps a change's undo under a new token, and drops undos nobody can use any more. */
async function keep(db: LevelmateDatabase, change: Change, origin: string, now: number) {
  await db.undos
    .where('createdAt')
    .below(now - UNDO_KEPT_MS)
    .delete();
  const token = crypto.randomUUID();
  await db.undos.add({ token, origin, createdAt: now, change });
  return token;
}

/**
 * "Mark studied": moves the page's items from "not started" to "learning" and keeps what
 * changed. Runs inside the caller's transaction, after the page was tagged.
 */
export async function studiedUndo(
  db: LevelmateDatabase,
  {
    tagged,
    items,
    origin,
    now,
  }: { tagged: TaggedPage; items: readonly CatalogueItem[]; origin: string; now: number },
): Promise<StudiedOutcome> {
  const started: StudiedOutcome['started'] = [];
  const states: Extract<Change, { kind: 'studied' }>['states'] = [];
  for (const item of items) {
    const saved = await db.itemStates.get([item.guideId, item.id]);
    if (saved && saved.state !== 'not-started') continue;
    await setItemState(db, { guideId: item.guideId, itemId: item.id }, 'learning', now);
    started.push({ id: item.id, level: item.level, short: item.short });
    states.push({ guideId: item.guideId, itemId: item.id, before: saved?.state ?? null });
  }
  const change: Change = {
    kind: 'studied',
    visitId: tagged.visit.id,
    createdVisit: tagged.created,
    addedItemIds: tagged.added,
    states,
  };
  return { started, undo: await keep(db, change, origin, now) };
}

/** "Not a learning page", with its undo: the visits it removed and the choice it replaced. */
export async function notLearningWithUndo(
  db: LevelmateDatabase,
  pageUrl: string,
  origin: string,
  now: number,
): Promise<string | null> {
  const url = normaliseUrl(pageUrl);
  if (!url) return null;
  const visits = await visitsOfPage(db, url);
  const choice = (await db.urlChoices.get(url)) ?? null;
  await markNotLearning(db, url, now);
  return keep(db, { kind: 'not-learning', url, choice, visits }, origin, now);
}

/**
 * Sets exactly which items a page counts for (the chip's "wrong items"): its latest visit is
 * tagged to them, and the items taken off are not put back on it by recognition again.
 */
export async function correctTags(
  db: LevelmateDatabase,
  pageUrl: string,
  itemIds: readonly string[],
  origin: string,
  now: number,
): Promise<string | null> {
  const url = normaliseUrl(pageUrl);
  if (!url) return null;
  const visit = (await latestVisitOf(db, url)) ?? null;
  const choice = (await db.urlChoices.get(url)) ?? null;
  const before = visit?.itemIds ?? [];
  const removed = before.filter((id) => !itemIds.includes(id));
  const rejected = [...(choice?.rejectedItemIds ?? []), ...removed].filter(
    (id) => !itemIds.includes(id),
  );
  const next: UrlChoiceRecord = {
    url,
    notLearning: false,
    rejectedItemIds: [...new Set(rejected)],
    updatedAt: now,
  };
  await db.urlChoices.put(next);
  if (visit) {
    const why = { ...visit.why };
    for (const id of itemIds) if (!before.includes(id)) why[id] = 'Tagged by you';
    for (const id of removed) delete why[id];
    await updateVisit(db, visit, { ...visit, itemIds: [...itemIds], why });
  }
  return keep(db, { kind: 'retag', url, choice, visit }, origin, now);
}

/** Puts a choice back as it was before a change (none: no choice at all). */
async function restoreChoice(db: LevelmateDatabase, url: string, choice: UrlChoiceRecord | null) {
  if (choice) await db.urlChoices.put(choice);
  else await db.urlChoices.delete(url);
}

/**
 * Takes a change back, once. `origin` is the sending page's site (undefined for the
 * extension's own pages): a page may only undo what was done on its own site.
 */
export async function undoChange(
  db: LevelmateDatabase,
  token: string,
  origin: string | undefined,
  now: number,
): Promise<void> {
  const record = await db.undos.get(token);
  if (!record || record.createdAt < now - UNDO_KEPT_MS || (origin && origin !== record.origin))
    throw new RejectedCommandError('there is nothing to undo any more');
  const change = record.change;
  if (change.kind === 'studied') {
    for (const { guideId, itemId, before } of change.states) {
      await setItemState(db, { guideId, itemId }, before ?? 'not-started', now);
    }
    if (change.createdVisit) await removeVisit(db, change.visitId);
    else await untagItems(db, change.visitId, change.addedItemIds);
  } else if (change.kind === 'not-learning') {
    await restoreChoice(db, change.url, change.choice);
    for (const visit of change.visits) await restoreVisit(db, visit as StoredVisit);
  } else {
    await restoreChoice(db, change.url, change.choice);
    const current = change.visit && (await latestVisitOf(db, change.url));
    if (change.visit && current?.id === change.visit.id)
      await updateVisit(db, current, {
        ...current,
        itemIds: change.visit.itemIds,
        why: change.visit.why,
      });
  }
  await db.undos.delete(token);
}
