import { buildPhraseIndex, itemsFromWords } from '../../lib/recognition/key-phrases';
import { pageText } from '../../lib/recognition/page-text';
import type { RuleIndex } from '../../lib/recognition/rule-index';
import type { ItemPhrases } from '../../lib/schemas/key-phrases';
import { loadWildSet, measureWild, wildSignals, type WildPage } from '../helpers/wild-set';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** The figures on real pages: per split (dev: looked at while building; holdout: never). */
export function wildFigures(index: RuleIndex) {
  const pages = loadWildSet();
  const signals = new Map(pages.map((p) => [p, wildSignals(p)] as const));
  const of = (subset: WildPage[]) => measureWild(subset, index, signals);
  return {
    all: of(pages),
    dev: of(pages.filter((p) => p.split === 'dev')),
    holdout: of(pages.filter((p) => p.split === 'holdout')),
  };
}

/** Building the phrase index, as a service worker does on each start (median of 9). */
export function phraseIndexBuildMs(items: Readonly<Record<string, ItemPhrases>>): number {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    buildPhraseIndex(items);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The key-phrase stage alone, per page, over the real pages' words (title, description and
 * headings as the content script caps them): best of several rounds.
 */
export function keyPhraseUsPerPage(items: Readonly<Record<string, ItemPhrases>>): number {
  const index = buildPhraseIndex(items);
  const texts = loadWildSet().map((page) => pageText(wildSignals(page)));
  let best = Infinity;
  for (let round = 0; round < 9; round++) {
    const start = process.hrtime.bigint();
    for (const text of texts) itemsFromWords(text, index);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / texts.length);
  }
  return best;
}
