import type { Transaction } from 'dexie';
import { addDayRows } from '../visits/store';
import type { VisitRecord } from '../schemas/records';

/** A version-1 row that cannot become a day row: the upgrade stops and version 1 stays. */
export class UpgradeDataError extends Error {}

function checkOldVisit(row: unknown, index: number): Omit<VisitRecord, 'id'> {
  const visit = row as Partial<VisitRecord>;
  const fine =
    typeof visit.url === 'string' &&
    typeof visit.host === 'string' &&
    Number.isFinite(visit.firstVisitAt) &&
    Number.isFinite(visit.lastVisitAt) &&
    Array.isArray(visit.itemIds);
  if (!fine) {
    throw new UpgradeDataError(
      `visit ${index + 1} of the saved data cannot be read (${JSON.stringify(row).slice(0, 120)}); nothing was changed`,
    );
  }
  const { id: _id, ...rest } = visit as VisitRecord;
  return rest;
}

/**
 * Version 1 → 2: every visit moves into its day row, in the upgrade's own transaction, and the
 * derived rows are built. A row that cannot be read throws, which aborts the upgrade: the
 * database stays at version 1, untouched, and opening it reports why.
 */
export async function upgradeVisitsToDays(tx: Transaction): Promise<void> {
  const old = await tx.table('visits').toArray();
  await addDayRows(tx, old.map(checkOldVisit));
}

/**
 * Version 2 → 3: a done item's doneAt is the best time known for it, its last change (before
 * version 3 the two were one field).
 */
export async function upgradeDoneAt(tx: Transaction): Promise<void> {
  await tx
    .table('itemStates')
    .toCollection()
    .modify((row: { state: string; updatedAt: number; doneAt?: number }) => {
      if (row.state === 'done' && row.doneAt === undefined) row.doneAt = row.updatedAt;
    });
}
