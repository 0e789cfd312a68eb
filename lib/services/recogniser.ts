import { BUILTIN_GUIDE } from '../builtin/guide';
import { BUILTIN_RULES, IDENTIFIER_SITES } from '../builtin/rules';
import { recognise, type Recognition } from '../domain/recognition/recognise';
import { buildRuleIndex, itemLevelsOf, type RuleIndex } from '../domain/recognition/rule-index';
import type { PageSignals } from '../domain/recognition/signals';

let index: RuleIndex | undefined;

/**
 * Recognises a page with the shipped rules. The index is rebuilt from data whenever the
 * service worker starts (a few milliseconds), so no state is lost when it is stopped.
 */
export function recognisePage(signals: PageSignals): Recognition | null {
  index ??= buildRuleIndex(BUILTIN_RULES, IDENTIFIER_SITES, itemLevelsOf(BUILTIN_GUIDE));
  return recognise(signals, index);
}
