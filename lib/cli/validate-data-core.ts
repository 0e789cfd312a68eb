import { guideProblems } from '../domain/guide-integrity';
import { loadGuideData } from './load-data';

/**
 * Validates every data file (schemas and cross-references). Throws one error listing every
 * problem, so a build with invalid data fails with the schema's own message.
 */
export function validateDataOrThrow(): string {
  const { guide, vocabulary } = loadGuideData();
  const problems = guideProblems(guide, vocabulary);
  if (problems.length > 0) {
    throw new Error(`Guide data has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  const items = guide.levels.reduce((n, level) => n + level.items.length, 0);
  return `data ok: guide "${guide.id}" v${guide.contentVersion}, 7 levels, ${items} items`;
}
