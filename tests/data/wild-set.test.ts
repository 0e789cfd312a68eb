import { describe, expect, it } from 'vitest';
import { shippedIndex } from '@/lib/cli/recognize-lines';
import { loadGuideData } from '@/lib/cli/load-data';
import { loadWildSet } from '../helpers/wild-set';
import { wildFigures } from '../bench/wild';

const pages = loadWildSet();
const { guide } = loadGuideData();

describe('the development set of real pages', () => {
  it('is large, covers every item, and has pages to leave alone', () => {
    const positives = pages.filter((p) => p.items.length > 0);
    expect(positives.length).toBeGreaterThanOrEqual(300);
    expect(pages.length - positives.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(positives.flatMap((p) => p.items));
    const items = guide.levels.flatMap((l) => l.items.map((i) => i.id));
    expect(items.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !items.includes(id))).toEqual([]);
  });

  it('is tagged right: recall and precision at least 0.85, and no page to leave alone tagged', () => {
    const { all } = wildFigures(shippedIndex());
    expect(all.recall).toBeGreaterThanOrEqual(0.85);
    expect(all.precision).toBeGreaterThanOrEqual(0.85);
    expect(all.negativesUntagged).toBe(all.negatives);
  });
});
