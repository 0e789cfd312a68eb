import type { LevelmateDatabase } from '../db/database';
import { RejectedCommandError } from '../commands/command';
import type { CatalogueItem } from '../guides/catalogue';
import { setItemState } from '../progress/store';
import type { UndoRecord } from '../schemas/records';
import type { StudiedOutcome } from './page-verdict';
import { removeVisit, untagItems, type TaggedPage } from './record-store';

/*
 * "Mark studied" and its Undo, each one transaction: the undo is kept in the database with
 * the change it undoes, so a worker that sleeps in between loses nothing and an undo never
 * half-applies.
 */

/** An Undo older than this is gone (the chip and popup offer it for seconds). */
const UNDO_KEPT_MS = 30 * 60_000;

/**
 * Moves the page's items from "not started" to "learning" and keeps what changed under a new
 * token. Runs inside the caller's transaction.
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
  const states: UndoRecord['states'] = [];
  for (const item of items) {
    const saved = await db.itemStates.get([item.guideId, item.id]);
    if (saved && saved.state !== 'not-started') continue;
    await setItemState(db, { guideId: item.guideId, itemId: item.id }, 'learning', now);
    started.push({ id: item.id, level: item.level, short: item.short });
    states.push({ guideId: item.guideId, itemId: item.id, before: saved?.state ?? null });
  }
  await db.undos
    .where('createdAt')
    .below(now - UNDO_KEPT_MS)
    .delete();
  const token = crypto.randomUUID();
  await db.undos.add({
    token,
    origin,
    createdAt: now,
    visitId: tagged.visit.id,
    createdVisit: tagged.created,
    addedItemIds: tagged.added,
    states,
  });
  return { started, undo: token };
}

/**
 * Takes a "Mark studied" back, once. `origin` is the sending page's site (undefined for the
 * extension's own pages): a page may only undo what was done on its own site.
 */
export async function takeStudiedUndo(
  db: LevelmateDatabase,
  token: string,
  origin: string | undefined,
  now: number,
): Promise<void> {
  const record = await db.undos.get(token);
  if (!record || record.createdAt < now - UNDO_KEPT_MS || (origin && origin !== record.origin))
    throw new RejectedCommandError('there is nothing to undo any more');
  for (const { guideId, itemId, before } of record.states) {
    await setItemState(db, { guideId, itemId }, before ?? 'not-started', now);
  }
  if (record.createdVisit) await removeVisit(db, record.visitId);
  else await untagItems(db, record.visitId, record.addedItemIds);
  await db.undos.delete(token);
}
