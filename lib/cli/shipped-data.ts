import { siteOrigins, contentScriptMatches } from '../site-access/site-matches';
import type { IndexedRule, ResourceRule } from '../schemas/resource-rules';
import type { ResourceSummary } from '../schemas/resource-summary';
import { loadRecognitionData } from './load-data';

/** A rule without its test examples: what recognition needs of it. */
export function shippedRule(rule: ResourceRule): IndexedRule {
  const { examples: _e, counterExamples: _c, overlaps: _o, ...rest } = rule;
  return rest;
}

/** What the side panel lists of a resource: no match data, the items of its parts folded in. */
export function resourceSummary(rule: ResourceRule): ResourceSummary {
  return {
    id: rule.id,
    title: rule.title,
    kind: rule.kind,
    ...(rule.authors ? { authors: rule.authors } : {}),
    ...(rule.reference ? { reference: rule.reference } : {}),
    items: [...new Set([...rule.items, ...rule.parts.flatMap((part) => part.items)])],
    url: rule.examples[0]!.url,
    broad: rule.generic || rule.source,
  };
}

/**
 * The data the extension ships, made at build time from the validated files in data/, so the
 * extension carries no validator and no examples: the rules for the background's recogniser,
 * the key phrases, a resource list for the side panel, and the learning sites' permissions.
 */
export function shippedData() {
  const { rules, sites, keyPhrases, notLearning } = loadRecognitionData();
  return {
    catalogue: {
      rules: rules.map(shippedRule),
      identifierSites: sites,
      notLearning: notLearning.lastSegments,
    },
    keyPhrases: keyPhrases.items,
    resources: rules.map(resourceSummary),
    learningSiteOrigins: siteOrigins(contentScriptMatches(rules, sites)),
  };
}
