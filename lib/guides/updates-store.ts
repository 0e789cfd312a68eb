import { migrateItemStates } from './guide-migration';
import type { LevelmateDatabase } from '../db/database';
import type { Guide } from '../schemas/guide';

export type GuideUpdateOutcome =
  | { guideId: string; outcome: 'current' | 'installed' }
  | { guideId: string; outcome: 'migrated'; from: number; to: number; archived: number }
  | { guideId: string; outcome: 'newer-data'; saved: number; installed: number };

/**
 * Run at start-up: when a guide's content version moved on since the person's states were
 * saved, moves them to the new item ids in one transaction, archiving what was replaced.
 * States saved by a newer Levelmate are left untouched (a downgrade must not destroy them).
 */
export async function applyGuideUpdate(
  db: LevelmateDatabase,
  guide: Guide,
  now: number,
): Promise<GuideUpdateOutcome> {
  return db.transaction(
    'rw',
    [db.itemStates, db.archivedItemStates, db.guideVersions],
    async () => {
      const saved = await db.guideVersions.get(guide.id);
      const version = { guideId: guide.id, contentVersion: guide.contentVersion, updatedAt: now };
      if (!saved) {
        await db.guideVersions.put(version);
        return { guideId: guide.id, outcome: 'installed' };
      }
      if (saved.contentVersion === guide.contentVersion)
        return { guideId: guide.id, outcome: 'current' };
      if (saved.contentVersion > guide.contentVersion) {
        return {
          guideId: guide.id,
          outcome: 'newer-data',
          saved: saved.contentVersion,
          installed: guide.contentVersion,
        };
      }
      const states = await db.itemStates.where('guideId').equals(guide.id).toArray();
      const result = migrateItemStates(states, saved.contentVersion, guide.revisions, now);
      await db.itemStates.where('guideId').equals(guide.id).delete();
      await db.itemStates.bulkPut(result.states);
      await db.archivedItemStates.bulkAdd(result.archived as never[]);
      await db.guideVersions.put(version);
      return {
        guideId: guide.id,
        outcome: 'migrated',
        from: saved.contentVersion,
        to: guide.contentVersion,
        archived: result.archived.length,
      };
    },
  );
}
