import { describe, expect, it } from 'vitest';
import { guideProblems, MIN_ITEMS_PER_LEVEL } from '@/lib/guides/guide-integrity';
import { loadGuideData } from '@/lib/cli/load-data';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { DREYFUS_STAGES, Guide } from '@/lib/schemas/guide';

const { guide, vocabulary } = loadGuideData();

describe('the built-in Backend Engineering guide', () => {
  it('passes its schema and every cross-check', () => {
    expect(guideProblems(guide, vocabulary)).toEqual([]);
  });

  it('is what the extension ships', () => {
    expect(Guide.parse(BUILTIN_GUIDE)).toEqual(guide);
  });

  it('has seven levels from Novice to Expert, each aligned with its SFIA level', () => {
    expect(guide.levels.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(guide.levels.map((l) => l.sfiaLevel)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(guide.levels[0]!.dreyfusStage).toBe('novice');
    expect(guide.levels[1]!.name).toBe('Data Builder');
    expect(guide.levels[6]!.dreyfusStage).toBe('expert');
    const stages = guide.levels.map((l) => DREYFUS_STAGES.indexOf(l.dreyfusStage));
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
  });

  it('has at least 10 items per level and 70 in all', () => {
    for (const level of guide.levels)
      expect(level.items.length).toBeGreaterThanOrEqual(MIN_ITEMS_PER_LEVEL);
    expect(guide.levels.flatMap((l) => l.items).length).toBeGreaterThanOrEqual(70);
  });

  it('cites the six references with the ids the recognition rules use', () => {
    const refs = Object.fromEntries(guide.references.map((r) => [r.id, r.levels]));
    expect(Object.keys(refs).sort()).toEqual([
      'cs2023',
      'ddia',
      'dreyfus-model',
      'eventually-consistent',
      'sfia-8',
      'social-learning-theory',
    ]);
    expect(refs['ddia']).toEqual([2, 3, 4, 5, 6]);
    expect(refs['eventually-consistent']).toEqual([4, 5, 6]);
  });
});

describe('guideProblems catches broken data', () => {
  const broken = (change: (g: Guide) => void) => {
    const copy = structuredClone(guide);
    change(copy);
    return guideProblems(copy, vocabulary);
  };

  it('a duplicate item id', () => {
    expect(broken((g) => (g.levels[1]!.items[0]!.id = g.levels[0]!.items[0]!.id))).toContainEqual(
      expect.stringContaining('is used twice'),
    );
  });

  it('an unknown topic and an unused one', () => {
    const problems = broken((g) => (g.levels[0]!.items[0]!.topics = ['no-such-topic']));
    expect(problems).toContainEqual(expect.stringContaining('unknown topic "no-such-topic"'));
  });

  it('an unknown reference', () => {
    expect(broken((g) => g.levels[0]!.references.push('nope'))).toContainEqual(
      expect.stringContaining('unknown reference "nope"'),
    );
  });

  it('a level with too few items', () => {
    expect(broken((g) => (g.levels[2]!.items = g.levels[2]!.items.slice(0, 9)))).toContainEqual(
      expect.stringContaining('level 3 has 9 items'),
    );
  });

  it('levels out of order', () => {
    expect(broken((g) => g.levels.reverse())).toContainEqual(
      expect.stringContaining('numbered 1 to 7 in order'),
    );
  });

  it('the same item text at two levels', () => {
    expect(
      broken((g) => (g.levels[3]!.items[0]!.text = g.levels[0]!.items[0]!.text)),
    ).toContainEqual(expect.stringContaining('repeats the text'));
  });

  it('a content version without a revision leading to it', () => {
    expect(broken((g) => (g.contentVersion = 2))).toContainEqual(
      expect.stringContaining('no revision leads from version 1'),
    );
  });
});
