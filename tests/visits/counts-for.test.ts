import { describe, expect, it } from 'vitest';
import { countsFor } from '@/lib/visits/counts-for';

describe('what a page counts for, in words', () => {
  it('names up to three items with their levels, says how many more, and which are done', () => {
    const five = [1, 2, 3, 4, 5].map((n) => ({ short: `Item ${n}`, level: n, done: n === 2 }));
    expect(countsFor(five)).toBe(
      'Counts for: Item 1 (L1), Item 2 (L2, done), Item 3 (L3) and 2 more',
    );
  });

  it('says so when the page counts for no item', () => {
    expect(countsFor([])).toBe('Counts for no checklist item');
  });
});
