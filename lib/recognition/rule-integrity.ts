import type { Guide, TopicVocabulary } from '../schemas/guide';
import type { KeyPhraseFile } from '../schemas/key-phrases';
import type {
  GatePage,
  IdentifierSites,
  NotLearningPages,
  ResourceRule,
  RuleExample,
} from '../schemas/resource-rules';
import { parsePageUrl } from '../web/url';
import { buildGate, notLearningReason } from './gate';
import { claimOf, recognise } from './recognise';
import {
  buildRuleIndex,
  itemLevelsOf,
  itemTopicsOf,
  RuleIndexError,
  type IndexOptions,
  type RuleIndex,
} from './rule-index';
import type { PageSignals } from './signals';
import type { WordModel } from './word-model';
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
 * Checks of the key phrases: every item has some, each phrase says something, and no
 * ambiguous word ("Kafka", "Raft") is a strong phrase on its own. The phrases and their
 * examples are material the word model learns from; what it makes of pages is measured on the
 * development set of real pages (tests/data/wild-set.test.ts), not on its own material.
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
  for (const example of file.examples) {
    for (const item of example.items)
      if (!levels.has(item))
        problems.push(`key phrases: example "${example.title}" has unknown item "${item}"`);
  }
  return problems;
}

/** A gate example's signals: its HTML read with a DOM (the caller has one), or its address. */
function gatePage(page: GatePage, signalsOf: ExampleSignals): PageSignals {
  return typeof page === 'string' ? signalsOf({ url: page }) : signalsOf(page);
}

/**
 * Checks of the learning-page gate: every example is stopped (and so recognised nowhere, with
 * any site), and every counter-example (a learning page of a similar shape) is let through.
 */
function gateProblems(
  data: RecognitionData,
  index: RuleIndex,
  signalsOf: ExampleSignals,
): string[] {
  const problems: string[] = [];
  const gate = buildGate(data.notLearning);
  const reason = (signals: PageSignals) => {
    const page = parsePageUrl(signals.url);
    return page && notLearningReason(page, signals, gate);
  };
  for (const example of data.notLearning.examples) {
    const signals = gatePage(example, signalsOf);
    const found = recognise(signals, index, { anySite: true });
    if (!reason(signals))
      problems.push(`not a learning page, but the gate lets it through: ${signals.url}`);
    else if (found?.items.length) {
      problems.push(`not a learning page, but ${found.resource.id} tags it: ${signals.url}`);
    }
  }
  for (const counter of data.notLearning.counterExamples) {
    const signals = gatePage(counter, signalsOf);
    const why = reason(signals);
    if (why) problems.push(`a learning page, but the gate stops it (${why}): ${signals.url}`);
  }
  return problems;
}

/**
 * The checks rule authors get from `npm run validate:data` and the tests: known ids, every
 * example claimed by its own rule and let through by the learning-page gate (and tagged to
 * its items when it lists them: a page the rule names, or whatever its words decide), no
 * counter-example claimed (unless the gate stops it), and no rule claiming another rule's
 * examples unless the overlap is declared (the cross matrix). Sources and generic rules yield
 * to more specific rules, so they may cover the examples of rules that outrank them.
 */
export function ruleProblems(
  data: RecognitionData,
  signalsOf: ExampleSignals,
  words: WordModel | null = null,
): string[] {
  const { rules, sites, guide } = data;
  const problems = referenceProblems(data);
  const levels = itemLevelsOf(guide);
  const options: IndexOptions = { words, gate: data.notLearning, itemTopics: itemTopicsOf(guide) };
  const gate = buildGate(data.notLearning);
  const stopped = (signals: PageSignals) => {
    const page = parsePageUrl(signals.url);
    return page ? notLearningReason(page, signals, gate) : null;
  };

  let index: RuleIndex;
  const solo = new Map<string, RuleIndex>();
  try {
    index = buildRuleIndex(rules, sites, levels, options);
    for (const rule of rules) solo.set(rule.id, buildRuleIndex([rule], sites, levels, options));
  } catch (error) {
    if (error instanceof RuleIndexError) return [...problems, error.message];
    throw error;
  }

  const examples = rules.flatMap((rule) =>
    rule.examples.map((example) => ({ owner: rule, example, signals: signalsOf(example) })),
  );
  for (const { owner, example, signals } of examples) {
    const id = claimOf(signals, index)?.id ?? 'nothing';
    const why = stopped(signals);
    if (id !== owner.id) {
      problems.push(`rule "${owner.id}": example ${signals.url} is claimed by ${id}`);
    } else if (why) {
      problems.push(`rule "${owner.id}": example ${signals.url} is not a learning page (${why})`);
    } else if (example.items) {
      const found = recognise(signals, index);
      const got = found?.items.map((i) => i.id) ?? [];
      if (found?.reason.by === 'words' || found?.reason.by === 'none') {
        // What a page's words are about is the word model's to say, measured on real pages
        // (tests/data/wild-set.test.ts); a rule promises items only for pages it names.
        problems.push(
          `rule "${owner.id}": example ${signals.url} is judged by its words: list items only for pages the rule names`,
        );
      } else if (!sameSet(got, example.items)) {
        problems.push(
          `rule "${owner.id}": example ${signals.url} is tagged [${got.join(', ')}], expected [${example.items.join(', ')}]`,
        );
      }
    }
  }
  problems.push(...gateProblems(data, index, signalsOf));
  for (const rule of rules) {
    const own = solo.get(rule.id)!;
    for (const counter of rule.counterExamples) {
      const signals = signalsOf(counter);
      // A source claims its whole site; only the pages its words tag are its own.
      const matched = rule.source
        ? (recognise(signals, own)?.items.length ?? 0) > 0
        : claimOf(signals, own) !== null && !stopped(signals);
      if (matched) problems.push(`rule "${rule.id}": matches its counter-example ${counter.url}`);
    }
    if (rule.source || rule.generic) continue;
    for (const { owner, signals } of examples) {
      if (owner.id === rule.id || rule.overlaps.includes(owner.id)) continue;
      if (claimOf(signals, own)) {
        problems.push(
          `rule "${rule.id}" matches ${signals.url}, an example of "${owner.id}" (declare it in overlaps if intended)`,
        );
      }
    }
  }
  return problems;
}
