import identifierSitesJson from '../../data/identifier-sites.json';
import keyPhrasesJson from '../../data/key-phrases.json';
import type { KeyPhraseFile } from '../schemas/key-phrases';
import type { IdentifierSites, ResourceRule, ResourceRuleInput } from '../schemas/resource-rules';

const ruleFiles = import.meta.glob<{ resources: ResourceRuleInput[] }>('../../data/rules/*.json', {
  eager: true,
  import: 'default',
});

/** Rule defaults the schema would fill in, applied without shipping the validator. */
function withDefaults(rule: ResourceRuleInput): ResourceRule {
  return {
    ...rule,
    items: rule.items ?? [],
    parts: rule.parts ?? [],
    source: rule.source ?? false,
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

/** Only the background reads these: the side panel and popup never load the phrase list. */
export const KEY_PHRASES = keyPhrasesJson as KeyPhraseFile;
