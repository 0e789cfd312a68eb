import type { Guide, TopicVocabulary } from '../schemas/guide';
import type { KeyPhraseFile } from '../schemas/key-phrases';
import type {
  IdentifierSites,
  NotLearningPages,
  ResourceRule,
  RuleExample,
} from '../schemas/resource-rules';
import { buildPhraseIndex, itemsFromWords, type PhraseIndex } from './key-phrases';
import { recognise } from './recognise';
import { buildRuleIndex, itemLevelsOf, RuleIndexError, type RuleIndex } from './rule-index';
import type { PageSignals } from './signals';
import { wordsOf } from './words';

export interface RecognitionData {
  rules: readonly ResourceRule[];
  sites: IdentifierSites;
  guide: Guide;
  vocabulary: TopicVocabulary;
  keyPhrases: KeyPhraseFile;
  notLearning: NotLearningPages;
}

/** An example page's signals: its HTML read with a DOM (the caller has one), or its address. */
export type ExampleSignals = (example: RuleExample) => PageSignals;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Checks of the references between rules, the guide and the topic vocabulary. */
function referenceProblems({ rules, guide, vocabulary }: RecognitionData): string[] {
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
    for (const item of [...rule.items, ...rule.parts.flatMap((part) => part.items)])
      if (!levels.has(item)) problems.push(`rule "${rule.id}": unknown item "${item}"`);
    for (const example of rule.examples)
      for (const item of example.items ?? [])
        if (!levels.has(item))
          problems.push(`rule "${rule.id}": example has unknown item "${item}"`);
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
  return problems;
}

/**
 * Checks of the key phrases: every item has some, each phrase says something, no ambiguous
 * word ("Kafka", "Raft") tags a page on its own, and every example is tagged exactly.
 */
export function keyPhraseProblems(file: KeyPhraseFile, guide: Guide): string[] {
  const problems: string[] = [];
  const levels = itemLevelsOf(guide);
  const ambiguous = new Set(file.ambiguous.map((word) => wordsOf(word).join(' ')));
  for (const id of levels.keys())
    if (!file.items[id]) problems.push(`key phrases: item "${id}" has none`);
  for (const [id, phrases] of Object.entries(file.items)) {
    if (!levels.has(id)) problems.push(`key phrases: unknown item "${id}"`);
    for (const phrase of [...phrases.strong, ...phrases.weak]) {
      if (wordsOf(phrase).length === 0) problems.push(`key phrases: "${phrase}" has no words`);
    }
    for (const phrase of phrases.strong) {
      if (ambiguous.has(wordsOf(phrase).join(' ')))
        problems.push(`key phrases: "${phrase}" (${id}) is ambiguous and may only be weak`);
    }
  }
  const index = buildPhraseIndex(file.items);
  for (const example of file.examples) {
    const found = itemsFromWords(
      {
        title: [example.title],
        headings: example.headings ?? [],
        summary: example.description ? [example.description] : [],
      },
      index,
    ).items.map((item) => item.id);
    if (!sameSet(found, example.items)) {
      problems.push(
        `key phrases: "${example.title}" is tagged [${found.join(', ')}], expected [${example.items.join(', ')}]`,
      );
    }
  }
  return problems;
}

/**
 * The checks rule authors get from `npm run validate:data` and the tests: known ids, every
 * example recognised as its own rule (and tagged to its items when it lists them), no
 * counter-example matched, and no rule matching another rule's examples unless the overlap is
 * declared (the cross matrix). Sources and generic rules yield to more specific rules, so they
 * may cover the examples of rules that outrank them.
 */
export function ruleProblems(data: RecognitionData, signalsOf: ExampleSignals): string[] {
  const { rules, sites, guide } = data;
  const problems = referenceProblems(data);
  const levels = itemLevelsOf(guide);
  const phrases: PhraseIndex = buildPhraseIndex(data.keyPhrases.items);

  let index: RuleIndex;
  const solo = new Map<string, RuleIndex>();
  try {
    const never = data.notLearning.lastSegments;
    index = buildRuleIndex(rules, sites, levels, phrases, never);
    for (const rule of rules)
      solo.set(rule.id, buildRuleIndex([rule], sites, levels, phrases, never));
  } catch (error) {
    if (error instanceof RuleIndexError) return [...problems, error.message];
    throw error;
  }

  const examples = rules.flatMap((rule) =>
    rule.examples.map((example) => ({ owner: rule, example, signals: signalsOf(example) })),
  );
  for (const { owner, example, signals } of examples) {
    const found = recognise(signals, index);
    const id = found?.resource.id ?? 'nothing';
    if (id !== owner.id) {
      problems.push(`rule "${owner.id}": example ${signals.url} is recognised as ${id}`);
    } else if (
      example.items &&
      !sameSet(
        found!.items.map((i) => i.id),
        example.items,
      )
    ) {
      problems.push(
        `rule "${owner.id}": example ${signals.url} is tagged [${found!.items.map((i) => i.id).join(', ')}], expected [${example.items.join(', ')}]`,
      );
    }
  }
  for (const url of data.notLearning.examples) {
    const found = recognise({ url, title: '', dois: [], isbns: [] }, index);
    if (found) problems.push(`not a learning page, but recognised as ${found.resource.id}: ${url}`);
  }
  for (const rule of rules) {
    const own = solo.get(rule.id)!;
    for (const counter of rule.counterExamples) {
      if (recognise(signalsOf(counter), own))
        problems.push(`rule "${rule.id}": matches its counter-example ${counter.url}`);
    }
    if (rule.source || rule.generic) continue;
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
