import identifierSitesJson from '../../data/identifier-sites.json';
import type { IdentifierSites, ResourceRule, ResourceRuleInput } from '../schemas/resource-rules';

const ruleFiles = import.meta.glob<{ resources: ResourceRuleInput[] }>('../../data/rules/*.json', {
  eager: true,
  import: 'default',
});

/** Rule defaults the schema would fill in, applied without shipping the validator. */
function withDefaults(rule: ResourceRuleInput): ResourceRule {
  return {
    ...rule,
    match: { sites: [], isbns: [], dois: [], ...rule.match },
    generic: rule.generic ?? false,
    counterExamples: rule.counterExamples ?? [],
    overlaps: rule.overlaps ?? [],
  };
}

export const BUILTIN_RULES: readonly ResourceRule[] = Object.keys(ruleFiles)
  .sort()
  .flatMap((path) => ruleFiles[path]!.resources.map(withDefaults));

export const IDENTIFIER_SITES = identifierSitesJson as IdentifierSites;
