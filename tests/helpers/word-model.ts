import {
  encodeVarints,
  FEATURES,
  POSTINGS_SEPARATOR,
  type WordBar,
  type WordModelData,
} from '@/lib/recognition/word-model';

/**
 * A tiny hand-made word model for recogniser tests: each term's weight per item is given, and
 * the judge looks only at the score and at whether the site is about the item (times how much
 * of the title the item explains: all of it, in these tests), so a test can work out a
 * candidate's chance by hand:
 *   chance = 1 / (1 + e^-(2 ln(1 + score) + 2 [site about it] - 4))
 */
export function handModel(
  postings: Record<string, Record<string, number>>,
  bar: Partial<WordBar> = {},
): WordModelData {
  const items = ['item-a', 'item-b', 'item-c'];
  const step = 0.5;
  // In order, as the build ships them: the model finds a term by binary search.
  const terms = Object.keys(postings).sort();
  const weights = FEATURES.map((name) =>
    name === 'score' || name === 'the site is about it, title explained' ? 2 : 0,
  );
  return {
    version: 2,
    items,
    terms: terms.join('\n'),
    postings: terms
      .map((term) =>
        encodeVarints(
          Object.entries(postings[term]!).flatMap(([id, w]) => [
            items.indexOf(id),
            Math.round(w / step),
          ]),
        ),
      )
      .join(POSTINGS_SEPARATOR),
    step,
    judge: { weights, bias: -4, mean: FEATURES.map(() => 0), scale: FEATURES.map(() => 1) },
    bar: { known: 0.3, unknown: 0.5, relative: 0.5, max: 3, candidates: 5, ...bar },
  };
}

/** The hand model's chance, worked out as its doc comment says. */
export const handChance = (score: number, siteAboutIt = false) =>
  1 / (1 + Math.exp(-(2 * Math.log(1 + score) + (siteAboutIt ? 2 : 0) - 4)));

export const HAND_POSTINGS = {
  isol: { 'item-a': 1 },
  'isol level': { 'item-a': 3 },
  'write skew': { 'item-a': 3 },
  'consum group': { 'item-b': 3 },
  kafka: { 'item-b': 1 },
  cach: { 'item-c': 2, 'item-a': 0.5 },
  'cach asid': { 'item-c': 3 },
};
