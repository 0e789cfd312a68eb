import { groupSites, type SiteGroup } from '../site-access/site-groups';
import { contentScriptMatches, patternHost, siteOrigins } from '../site-access/site-matches';
import { hostAndParents } from '../web/url';
import type { GateRules, IndexedRule, ResourceRule } from '../schemas/resource-rules';
import type { ResourceSummary } from '../schemas/resource-summary';
import { ANY_SITE_RESOURCE } from '../recognition/recognise';
import type { ShippedRecognition } from '../recognition/recogniser-shipped';
import { loadRecognitionData } from './load-data';
import { shippedWordModel } from './model-data';

/**
 * A rule as shipped: without its test examples, overlaps and authors, and without the fields
 * that only say their default (no items, no parts, not a source…), so the background loads
 * less.
 */
export function shippedRule(rule: ResourceRule): IndexedRule {
  const {
    examples: _e,
    counterExamples: _c,
    overlaps: _o,
    authors: _a,
    items,
    parts,
    source,
    generic,
    caseSensitivePaths,
    ...rest
  } = rule;
  return {
    ...rest,
    ...(items.length > 0 ? { items } : {}),
    ...(parts.length > 0 ? { parts } : {}),
    ...(source ? { source } : {}),
    ...(generic ? { generic } : {}),
    ...(caseSensitivePaths ? { caseSensitivePaths } : {}),
  };
}

/** The learning-page gate as shipped: its rules without their examples. */
export function shippedGate(gate: ResourceRuleGate): GateRules {
  const { $schema: _s, examples: _e, counterExamples: _c, ...rules } = gate;
  return rules;
}
type ResourceRuleGate = ReturnType<typeof loadRecognitionData>['notLearning'];

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

/** Pages found by their own words on a site no rule knows ("recognise on any site"). */
export const ANY_SITE_SUMMARY: ResourceSummary = {
  id: ANY_SITE_RESOURCE.id,
  title: 'Pages on other sites',
  kind: ANY_SITE_RESOURCE.kind,
  items: [],
  url: 'https://example.org/',
  broad: true,
};

export interface ShippedData {
  /** The word model in it is learnt from the data and the development set when first asked. */
  readonly recognition: ShippedRecognition;
  resources: ResourceSummary[];
  /** Each guide reference: the resource ids its visits are recorded under, its own first. */
  referenceResources: Record<string, string[]>;
  learningSiteOrigins: string[];
  /** The same sites by kind, for the person to see, find and allow (every site in one). */
  learningSiteGroups: SiteGroup[];
}

/**
 * The host permissions the learning sites need: every rule's site, bar the sites not asked
 * for (data/learning-sites.json) and their subdomains.
 */
export function askedOrigins(data: ReturnType<typeof loadRecognitionData>): string[] {
  const notAsked = new Set(data.learningSites.notAsked.map((s) => s.host));
  return siteOrigins(contentScriptMatches(data.rules, data.sites)).filter(
    (origin) => !hostAndParents(patternHost(origin) ?? '').some((h) => notAsked.has(h)),
  );
}

/**
 * The data the extension ships, made at build time from the validated files in data/, so the
 * extension carries no validator and no examples: the rules and the learning-page gate for
 * the background's recogniser, the word model, a resource list for the side panel, and the
 * learning sites' permissions.
 */
export function shippedData(): ShippedData {
  const data = loadRecognitionData();
  const { rules, sites, notLearning } = data;
  return {
    get recognition() {
      return {
        rules: rules.map(shippedRule),
        identifierSites: sites,
        gate: shippedGate(notLearning),
        wordModel: shippedWordModel(data),
      };
    },
    resources: [...rules.map(resourceSummary), ANY_SITE_SUMMARY],
    referenceResources: Object.fromEntries(
      data.guide.references.map(({ id }) => [
        id,
        [...new Set([id, ...rules.filter((r) => r.reference === id).map((r) => r.id)])],
      ]),
    ),
    learningSiteOrigins: askedOrigins(data),
    learningSiteGroups: groupSites(
      askedOrigins(data),
      rules.flatMap((rule) =>
        rule.examples.map((example) => ({ url: example.url, kind: rule.kind })),
      ),
      { isbn: sites.isbnInUrl, doi: sites.doiInUrl },
    ),
  };
}
