import type { LevelmateDatabase } from '../db/database';
import type { Guide } from '../schemas/guide';
import { applyGuideUpdate, type GuideUpdateOutcome } from './updates-store';

/** Moves saved progress to the installed guides' content versions (see guide-updates). */
export async function migrateSavedProgress(
  db: LevelmateDatabase,
  guides: readonly Guide[],
  now: number,
): Promise<GuideUpdateOutcome[]> {
  const outcomes = await Promise.all(guides.map((guide) => applyGuideUpdate(db, guide, now)));
  for (const outcome of outcomes) {
    if (outcome.outcome === 'newer-data') {
      console.warn(
        `Levelmate: progress for "${outcome.guideId}" was saved by a newer version; left as it is.`,
      );
    }
  }
  return outcomes;
}
