import { describe, expect, it } from 'vitest';
import { suggestedOrder } from '@/lib/guides/suggested';

const r = (id: string, kind: string, extra: { reference?: string; broad?: boolean } = {}) => ({
  id,
  kind,
  broad: extra.broad ?? false,
  ...(extra.reference ? { reference: extra.reference } : {}),
});

describe('the order of suggested resources', () => {
  const resources = [
    r('mdn', 'documentation', { broad: true }),
    r('blog', 'article'),
    r('talk', 'video'),
    r('ddia', 'book', { reference: 'ddia' }),
  ];

  it("puts the guide's own references first, then focused resources before whole sites", () => {
    expect(suggestedOrder(resources).map((x) => x.id)).toEqual(['ddia', 'blog', 'talk', 'mdn']);
  });

  it('then the kinds the person studies with most', () => {
    const used = new Map([
      ['video', 12],
      ['documentation', 3],
    ]);
    expect(suggestedOrder(resources, used).map((x) => x.id)).toEqual([
      'ddia',
      'talk',
      'mdn',
      'blog',
    ]);
  });
});
