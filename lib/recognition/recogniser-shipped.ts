import { BUILTIN_GUIDE } from '../builtin/guide';
import { KEY_PHRASES } from '../builtin/key-phrases';
import { BUILTIN_RULES, IDENTIFIER_SITES, NOT_LEARNING } from '../builtin/rules';
import { buildPhraseIndex } from './key-phrases';
import { recognise, type Recognition } from './recognise';
import { buildRuleIndex, itemLevelsOf, type RuleIndex } from './rule-index';
import type { PageSignals } from './signals';

let index: RuleIndex | undefined;

/**
 * Recognises a page with the shipped rules and key phrases. The index is rebuilt from data
 * whenever the service worker starts (a few milliseconds), so no state is lost when it stops.
 */
export function recognisePage(signals: PageSignals): Recognition | null {
  index ??= buildRuleIndex(
    BUILTIN_RULES,
    IDENTIFIER_SITES,
    itemLevelsOf(BUILTIN_GUIDE),
    buildPhraseIndex(KEY_PHRASES),
    NOT_LEARNING,
  );
  return recognise(signals, index);
}
