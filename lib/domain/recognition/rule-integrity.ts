import type { Guide, TopicVocabulary } from '../../schemas/guide';
import type { IdentifierSites, ResourceRule, RuleExample } from '../../schemas/resource-rules';
import { recognise } from './recognise';
import { buildRuleIndex, itemLevelsOf, RuleIndexError, type RuleIndex } from './rule-index';

function signalsOf(example: RuleExample, html?: { dois: string[]; isbns: string[] }) {
  return {
    url: example.url,
    title: example.title ?? '',
    dois: html?.dois ?? [],
    isbns: html?.isbns ?? [],
  };
}

/**
 * The checks rule authors get from `npm run validate:data` and the tests: known ids, every
 * example recognised as its own rule, no counter-example matched, and no rule matching
 * another rule's examples unless the overlap is declared (the cross matrix).
 * `identifiersOf` turns an example's HTML into declared DOIs and ISBNs (a DOM is needed).
 */
export function ruleProblems(
  rules: readonly ResourceRule[],
  sites: IdentifierSites,
  guide: Guide,
  vocabulary: TopicVocabulary,
  identifiersOf: (html: string) => { dois: string[]; isbns: string[] },
): string[] {
  const problems: string[] = [];
  const topics = new Set(vocabulary.topics.map((t) => t.id));
  const levels = itemLevelsOf(guide);
  const references = new Set(guide.references.map((r) => r.id));
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) problems.push(`rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
    for (const topic of rule.topics)
      if (!topics.has(topic)) problems.push(`rule "${rule.id}": unknown topic "${topic}"`);
    for (const item of rule.items)
      if (!levels.has(item)) problems.push(`rule "${rule.id}": unknown item "${item}"`);
    if (rule.reference !== undefined) {
      if (!references.has(rule.reference))
        problems.push(`rule "${rule.id}": unknown reference "${rule.reference}"`);
      if (rule.reference !== rule.id)
        problems.push(`rule "${rule.id}": a reference's rule must use the reference id`);
    }
  }
  for (const reference of references) {
    if (!rules.some((rule) => rule.id === reference))
      problems.push(`reference "${reference}" has no rule`);
  }
  for (const rule of rules) {
    for (const overlap of rule.overlaps)
      if (!ids.has(overlap)) problems.push(`rule "${rule.id}": overlaps unknown rule "${overlap}"`);
  }

  let index: RuleIndex;
  const solo = new Map<string, RuleIndex>();
  try {
    index = buildRuleIndex(rules, sites, levels);
    for (const rule of rules) solo.set(rule.id, buildRuleIndex([rule], sites, levels));
  } catch (error) {
    if (error instanceof RuleIndexError) return [...problems, error.message];
    throw error;
  }

  const examples = rules.flatMap((rule) =>
    rule.examples.map((example) => ({
      owner: rule,
      signals: signalsOf(example, example.html ? identifiersOf(example.html) : undefined),
    })),
  );
  for (const { owner, signals } of examples) {
    const found = recognise(signals, index)?.resource.id ?? 'nothing';
    if (found !== owner.id)
      problems.push(`rule "${owner.id}": example ${signals.url} is recognised as ${found}`);
  }
  for (const rule of rules) {
    const own = solo.get(rule.id)!;
    for (const counter of rule.counterExamples) {
      const signals = signalsOf(counter, counter.html ? identifiersOf(counter.html) : undefined);
      if (recognise(signals, own))
        problems.push(`rule "${rule.id}": matches its counter-example ${counter.url}`);
    }
    for (const { owner, signals } of examples) {
      if (owner.id === rule.id || rule.overlaps.includes(owner.id)) continue;
      if (recognise(signals, own)) {
        problems.push(
          `rule "${rule.id}" matches ${signals.url}, an example of "${owner.id}" (declare it in overlaps if intended)`,
        );
      }
    }
  }
  return problems;
}
