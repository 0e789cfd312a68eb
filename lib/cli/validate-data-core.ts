import { guideProblems } from '../domain/guide-integrity';
import { ruleProblems } from '../domain/recognition/rule-integrity';
import { loadGuideData, loadIdentifierSites, loadRuleFiles } from './load-data';
import { signalsFromHtml } from './parse-html';

/**
 * Validates every data file (schemas, cross-references, rule examples and the cross matrix).
 * Throws one error listing every problem, so a build with invalid data fails with the message.
 */
export function validateDataOrThrow(): string {
  const { guide, vocabulary } = loadGuideData();
  const rules = loadRuleFiles().flatMap(({ file }) => file.resources);
  const sites = loadIdentifierSites();
  const problems = [
    ...guideProblems(guide, vocabulary),
    ...ruleProblems(rules, sites, guide, vocabulary, (html) =>
      signalsFromHtml('https://example.invalid/', html),
    ),
  ];
  if (problems.length > 0) {
    throw new Error(`Data has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  const items = guide.levels.reduce((n, level) => n + level.items.length, 0);
  return `data ok: guide "${guide.id}" v${guide.contentVersion}, 7 levels, ${items} items; ${rules.length} resource rules`;
}
