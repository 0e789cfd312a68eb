import { describe, expect, it } from 'vitest';
import { FIELD_WEIGHT, weighTerms, type Field } from '@/lib/recognition/terms';
import {
  decodeVarints,
  decodeWordModel,
  encodeVarints,
  itemScores,
  judgeWords,
  modelTerms,
  NO_CONTEXT,
} from '@/lib/recognition/word-model';
import { HAND_POSTINGS, handChance, handModel } from '../helpers/word-model';

const model = decodeWordModel(handModel(HAND_POSTINGS));
const terms = (fields: Partial<Record<Field, string[]>>) =>
  weighTerms({ title: [], summary: [], headings: [], address: [], ...fields });
const known = (prior: string[] = []) => ({
  known: true,
  prior: new Set(prior),
  topical: new Set<string>(),
});

describe('the shipped form', () => {
  it('round-trips numbers of any size through base-45 varints', () => {
    const numbers = [0, 1, 44, 45, 46, 89, 90, 2024, 99_999, 123_456_789];
    expect(decodeVarints(encodeVarints(numbers))).toEqual(numbers);
    expect(encodeVarints([44, 0])).toHaveLength(2);
    expect(() => encodeVarints([-1])).toThrow();
  });

  it('decodes to each term’s items and weights', () => {
    expect(model.items).toEqual(['item-a', 'item-b', 'item-c']);
    const cache = model.postings.get('cach')!;
    expect([...cache.items]).toEqual([2, 0]);
    expect([...cache.weights]).toEqual([2, 0.5]);
    expect(model.postings.get('unknown')).toBeUndefined();
    // A pair of words is a term of its own, found by its text; its words alone are not.
    expect(modelTerms(handModel(HAND_POSTINGS))).toEqual([
      'cach',
      'cach asid',
      'consum group',
      'isol',
      'isol level',
      'kafka',
      'write skew',
    ]);
    expect(model.postings.get('level')).toBeUndefined();
    expect([...model.postings.get('consum group')!.weights]).toEqual([3]);
    expect(model.postings.get('group consum')).toBeUndefined();
  });

  it('finds the first and last terms, and no term between or beyond them', () => {
    expect([...model.postings.get('cach')!.items]).toEqual([2, 0]);
    expect([...model.postings.get('write skew')!.items]).toEqual([0]);
    for (const absent of ['', 'a', 'cac', 'cacha', 'isol levels', 'zzz', 'write skew '])
      expect(model.postings.get(absent)).toBeUndefined();
  });

  it('refuses a model whose postings do not match its terms', () => {
    const data = handModel(HAND_POSTINGS);
    for (const postings of [`${data.postings} 1`, data.postings.replace(' ', '')])
      expect(() => decodeWordModel({ ...data, postings })).toThrow(
        'word model postings do not match its terms',
      );
    expect(() => decodeVarints(encodeVarints([2024]).slice(0, -1))).toThrow(
      'varints end in the middle of a number',
    );
  });
});

describe('item scores', () => {
  it('sum each term’s weight for the item times its weight on the page', () => {
    // Title "Isolation levels" (1 each) and a heading "Cache" (a heading's weight).
    const scores = itemScores(terms({ title: ['Isolation levels'], headings: ['Cache'] }), model);
    const heading = FIELD_WEIGHT.headings;
    expect(scores.total[0]).toBeCloseTo(1 * 1 + 1 * 3 + heading * 0.5);
    expect(scores.total[2]).toBeCloseTo(heading * 2);
    expect(scores.title[0]).toBeCloseTo(4);
    expect(scores.title[2]).toBe(0);
    // Of the title's single words ("isolation", "levels"), the item's profile holds one.
    expect(scores.explained[0]).toBeCloseTo(0.5);
  });
});

describe('judging a page’s words', () => {
  it('tags the item whose chance clears the bar, with the words that decided', () => {
    const page = terms({ title: ['Isolation levels'] });
    expect(judgeWords(page, model, known())).toEqual({
      items: [
        {
          id: 'item-a',
          chance: Math.round(handChance(4) * 1000) / 1000,
          words: ['isolation levels'],
        },
      ],
    });
  });

  it('holds a site no rule knows to the stricter bar', () => {
    const page = terms({ title: ['Isolation levels'] });
    expect(handChance(4)).toBeGreaterThan(0.3);
    expect(handChance(4)).toBeLessThan(0.5);
    expect(judgeWords(page, model, NO_CONTEXT).items).toEqual([]);
    // Stronger words clear it: "write skew" too gives a score of 7.
    const stronger = terms({ title: ['Isolation levels and write skew'] });
    expect(handChance(7)).toBeGreaterThan(0.5);
    expect(judgeWords(stronger, model, NO_CONTEXT).items.map((i) => i.id)).toEqual(['item-a']);
  });

  it("counts a site's own subject for its candidates", () => {
    // "Kafka" alone scores 1 for item-b: a chance of 0.07, but 0.35 where the site is about it.
    const page = terms({ title: ['Kafka'] });
    expect(handChance(1)).toBeLessThan(0.3);
    expect(judgeWords(page, model, known()).items).toEqual([]);
    expect(handChance(1, true)).toBeGreaterThan(0.3);
    expect(judgeWords(page, model, known(['item-b']))).toMatchObject({
      items: [{ id: 'item-b', words: ['kafka'] }],
    });
  });

  it('tags several items only when they come near the best', () => {
    // item-c scores 2 + 3 = 5 (a chance of 0.40), item-a 3 + 0.5 = 3.5 (0.27): over the bar of
    // 0.25, and over half the best chance.
    const both = terms({ title: ['Write skew and the cache-aside pattern'] });
    const lower = decodeWordModel(handModel(HAND_POSTINGS, { known: 0.25 }));
    expect(judgeWords(both, lower, known()).items.map((i) => i.id)).toEqual(['item-c', 'item-a']);
    const one = decodeWordModel(handModel(HAND_POSTINGS, { known: 0.25, max: 1 }));
    expect(judgeWords(both, one, known()).items.map((i) => i.id)).toEqual(['item-c']);
    const close = decodeWordModel(handModel(HAND_POSTINGS, { known: 0.25, relative: 0.8 }));
    expect(judgeWords(both, close, known()).items.map((i) => i.id)).toEqual(['item-c']);
  });

  it('tags nothing when no word says anything', () => {
    expect(judgeWords(terms({ title: ['Franz Kafka, novelist'] }), model, known()).items).toEqual(
      [],
    );
    expect(judgeWords(terms({}), model, known()).items).toEqual([]);
  });
});
