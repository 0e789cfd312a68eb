import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStamps,
  dropSeenTombstones,
  mergeReplicas,
  publishedBy,
  seenOf,
  type Replica,
} from '@/lib/sync/replica';

/** Replicas over a few keys and fields, with stamps that collide often (the hard cases). */
const stamp = fc.record({ t: fc.integer({ min: 1, max: 20 }), d: fc.constantFrom('a', 'b', 'c') });
const value = fc.oneof(
  fc.constant(null),
  fc.constantFrom('done', 'learning'),
  fc.integer({ min: 1, max: 7 }),
);
const entry = fc.dictionary(
  fc.constantFrom('state', 'note', 'review'),
  fc.record({ v: value, s: stamp }),
  {
    maxKeys: 3,
  },
);
const replica: fc.Arbitrary<Replica> = fc.dictionary(
  fc.constantFrom('i|g|x', 'i|g|y', 'l|g', 's'),
  entry,
  {
    maxKeys: 4,
  },
);

/** Stamps are unique per change: one device never stamps two values with the same time. */
const consistent = (...replicas: Replica[]) => {
  const seen = new Map<string, string>();
  for (const r of replicas)
    for (const e of Object.values(r))
      for (const f of Object.values(e)) {
        const id = `${f.s.t}/${f.s.d}`;
        const v = JSON.stringify(f.v);
        if (seen.has(id) && seen.get(id) !== v) return false;
        seen.set(id, v);
      }
  return true;
};

describe('merging two browsers’ progress', () => {
  it('gives the same result in either order (commutative)', () => {
    fc.assert(
      fc.property(replica, replica, (a, b) => {
        expect(mergeReplicas(a, b)).toEqual(mergeReplicas(b, a));
      }),
    );
  });

  it('gives the same result merged twice (idempotent), and grouped any way (associative)', () => {
    fc.assert(
      fc.property(replica, replica, replica, (a, b, c) => {
        const ab = mergeReplicas(a, b);
        expect(mergeReplicas(ab, b)).toEqual(ab);
        expect(mergeReplicas(ab, ab)).toEqual(ab);
        expect(mergeReplicas(ab, c)).toEqual(mergeReplicas(a, mergeReplicas(b, c)));
      }),
    );
  });

  it('keeps, field by field, the later change and loses no field', () => {
    fc.assert(
      fc.property(replica, replica, (a, b) => {
        fc.pre(consistent(a, b));
        const merged = mergeReplicas(a, b);
        for (const source of [a, b])
          for (const [key, e] of Object.entries(source))
            for (const [name, f] of Object.entries(e)) {
              expect(compareStamps(merged[key]![name]!.s, f.s)).toBeGreaterThanOrEqual(0);
            }
      }),
    );
  });

  it('merges changes made offline on two devices to different fields of one item', () => {
    const a: Replica = { 'i|g|x': { state: { v: 'done', s: { t: 10, d: 'a' } } } };
    const b: Replica = { 'i|g|x': { note: { v: 'offline note', s: { t: 5, d: 'b' } } } };
    expect(mergeReplicas(a, b)['i|g|x']).toEqual({
      state: { v: 'done', s: { t: 10, d: 'a' } },
      note: { v: 'offline note', s: { t: 5, d: 'b' } },
    });
  });
});

describe('deletions (tombstones)', () => {
  const tombstone: Replica = {
    'i|g|x': { state: { v: null, s: { t: 9, d: 'b' } }, note: { v: null, s: { t: 9, d: 'b' } } },
  };
  const old: Replica = { 'i|g|x': { state: { v: 'done', s: { t: 4, d: 'a' } } } };

  it('win over the older value they deleted', () => {
    expect(mergeReplicas(old, tombstone)['i|g|x']!.state!.v).toBeNull();
  });

  it('are kept until every copy has seen them, then dropped', () => {
    expect(dropSeenTombstones(tombstone, [{ b: 9 }, { b: 8 }])).toEqual(tombstone);
    expect(dropSeenTombstones(tombstone, [{ b: 9 }, { b: 12, a: 3 }])).toEqual({});
  });

  it('are never dropped where the caller keeps them, even once seen everywhere', () => {
    const seen = [{ b: 12, a: 3 }];
    expect(dropSeenTombstones(tombstone, seen, (key) => key === 'i|g|x')).toEqual(tombstone);
    expect(dropSeenTombstones(tombstone, seen, (key) => key === 'l|g')).toEqual({});
  });

  it('never drop an entry that still has a value', () => {
    const mixed = mergeReplicas(tombstone, {
      'i|g|x': { review: { v: { step: 1 }, s: { t: 2, d: 'a' } } },
    });
    expect(dropSeenTombstones(mixed, [{ a: 9, b: 9 }])).toEqual(mixed);
  });
});

describe('what each browser publishes', () => {
  const merged: Replica = {
    'i|g|x': { state: { v: 'done', s: { t: 3, d: 'a' } }, note: { v: 'n', s: { t: 4, d: 'b' } } },
    'i|g|y': { state: { v: 'learning', s: { t: 5, d: 'gone' } } },
  };

  it('is what it wrote last, plus what a browser that left wrote (so nothing is stranded)', () => {
    expect(publishedBy(merged, 'a', new Set(['a', 'b']))).toEqual({
      'i|g|x': { state: merged['i|g|x']!.state },
      'i|g|y': merged['i|g|y'],
    });
    expect(seenOf(merged)).toEqual({ a: 3, b: 4, gone: 5 });
  });
});
