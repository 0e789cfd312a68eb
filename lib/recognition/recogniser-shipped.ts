import { BUILTIN_GUIDE } from '../builtin/guide';
import { WORD_MODEL } from '../builtin/key-phrases';
import { BUILTIN_RULES, GATE, IDENTIFIER_SITES } from '../builtin/rules';
import { recognise, type Recognition } from './recognise';
import { buildRuleIndex, itemLevelsOf, itemTopicsOf, type RuleIndex } from './rule-index';
import type { PageSignals } from './signals';
import { decodeWordModel } from './word-model';

let index: RuleIndex | undefined;

/** The shipped rules, gate and word model, indexed (a few milliseconds). */
export function shippedIndex(): RuleIndex {
  index ??= buildRuleIndex(BUILTIN_RULES, IDENTIFIER_SITES, itemLevelsOf(BUILTIN_GUIDE), {
    words: decodeWordModel(WORD_MODEL),
    gate: GATE,
    itemTopics: itemTopicsOf(BUILTIN_GUIDE),
  });
  return index;
}

/**
 * Recognises a page with the shipped rules and word model. The index is built when the first
 * page asks after the service worker starts, so no state is lost when it stops. The content
 * script runs only on sites the person granted (the learning sites, or every site), so every
 * page that reaches here is judged as on any site: a site no rule knows gets the stricter bar.
 */
export function recognisePage(signals: PageSignals): Recognition | null {
  return recognise(signals, shippedIndex(), { anySite: true });
}
