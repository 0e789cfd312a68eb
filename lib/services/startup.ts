import { z } from 'zod';
import { BUILTIN_RULES, IDENTIFIER_SITES } from '../builtin/rules';
import type { LevelmateDatabase } from '../db/database';
import { Guide } from '../schemas/guide';
import { IdentifierSites, ResourceRule } from '../schemas/resource-rules';
import { applyGuideUpdate, type GuideUpdateOutcome } from './guide-updates';

/**
 * Validates the shipped data once more where the validator is already loaded (the build and
 * the tests check it first), so a corrupted install fails loudly instead of recording nonsense.
 */
export function validateBuiltinData(guides: readonly Guide[]): void {
  z.array(Guide).parse(guides);
  z.array(ResourceRule).parse(BUILTIN_RULES);
  IdentifierSites.parse(IDENTIFIER_SITES);
}

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
