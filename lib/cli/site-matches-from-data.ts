import { contentScriptMatches } from '../domain/recognition/site-matches';
import { loadIdentifierSites, loadRuleFiles } from './load-data';

/** Content-script match patterns for the built manifest, computed from data/rules. */
export function learningSiteMatches(): string[] {
  const rules = loadRuleFiles().flatMap(({ file }) => file.resources);
  return contentScriptMatches(rules, loadIdentifierSites());
}
