import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stampLocalChanges } from '@/lib/sync/local-changes';
import { itemKey, levelKey, localValues, valuesOf, type Values } from '@/lib/sync/local-values';
import { mergeShares, publishedBy, type Replica } from '@/lib/sync/replica';

/*
 * Browsers simulated with the pure pieces the sync service runs: each keeps its own values
 * and its memory of the merged map; "sync" stamps its changes, merges every share the sync
 * area holds, and publishes its own share.
 */

interface Browser {
  device: string;
  seen: Record<string, number>;
  /** Minutes this computer's clock is off. */
  skew: number;
  values: Values;
  changedAt: Record<string, number>;
  memory: Replica;
  clock: number;
}

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 1, 9);
const known = () => true;
const newBrowser = (device: string, skew = 0): Browser => ({
  device,
  seen: {},
  skew,
  values: {},
  changedAt: {},
  memory: {},
  clock: 0,
});

/** The sync area: each device's share and what it has seen. */
type Area = Map<string, { entries: Replica; seen: Record<string, number> }>;

function edit(b: Browser, key: string, fields: Values[string], realTime: number) {
  b.values[key] = { ...b.values[key], ...fields };
  b.changedAt[key] = realTime + b.skew * MIN;
}

function sync(b: Browser, area: Area, realTime: number) {
  const now = realTime + b.skew * MIN;
  const stamped = stampLocalChanges(b.memory, b.values, {
    device: b.device,
    now,
    clock: b.clock,
    known,
    changedAt: b.changedAt,
  });
  const others = [...area].filter(([d]) => d !== b.device).map(([, share]) => share);
  const { merged, seen } = mergeShares(stamped.replica, b.seen, others);
  b.memory = merged;
  b.seen = seen;
  b.clock = stamped.clock;
  b.values = Object.fromEntries(
    Object.entries(valuesOf(merged)).filter(([, f]) => Object.values(f).some((v) => v !== null)),
  );
  const publishing = new Set([...area.keys(), b.device]);
  area.set(b.device, { entries: publishedBy(merged, b.device, publishing), seen });
}

const X = itemKey('g', 'x');

describe('two browsers of one person', () => {
  it('a change made after seeing another wins, even on a computer whose clock is an hour behind', () => {
    const area: Area = new Map();
    const work = newBrowser('work', 0);
    const home = newBrowser('home', 60);
    edit(home, X, { state: 'done' }, T0);
    sync(home, area, T0);
    sync(work, area, T0 + MIN);
    expect(work.values[X]?.state).toBe('done');
    // Ten minutes later, on the laptop whose clock reads fifty minutes before home's stamp.
    edit(work, X, { state: 'learning' }, T0 + 10 * MIN);
    sync(work, area, T0 + 10 * MIN);
    sync(home, area, T0 + 11 * MIN);
    expect(home.values[X]?.state).toBe('learning');
    expect(work.values[X]?.state).toBe('learning');
  });

  it('merges changes made offline on both: different fields both stay, the same field takes the later', () => {
    const area: Area = new Map();
    const a = newBrowser('a');
    const b = newBrowser('b');
    edit(a, X, { state: 'done', note: null }, T0);
    edit(b, X, { state: 'learning', note: 'Written on the train' }, T0 - 5 * MIN);
    edit(a, levelKey('g'), { level: 3 }, T0);
    sync(a, area, T0 + MIN);
    sync(b, area, T0 + 2 * MIN);
    sync(a, area, T0 + 3 * MIN);
    for (const browser of [a, b]) {
      expect(browser.values[X]).toEqual({
        state: 'done',
        note: 'Written on the train',
      });
      expect(browser.values[levelKey('g')]).toEqual({ level: 3 });
    }
  });

  it("a new browser's defaults do not override choices made in another", () => {
    const area: Area = new Map();
    const a = newBrowser('a');
    const settings = { currentLevels: { g: 4 }, excludedSites: ['news.example'], showChip: false };
    const chosen = localValues([], settings, ['g']).values;
    for (const [key, fields] of Object.entries(chosen)) edit(a, key, fields, T0);
    sync(a, area, T0);
    const fresh = newBrowser('fresh');
    const defaults = { currentLevels: {}, excludedSites: [], showChip: true };
    for (const [key, fields] of Object.entries(localValues([], defaults, ['g']).values))
      edit(fresh, key, fields, T0 + 60 * MIN);
    sync(fresh, area, T0 + 60 * MIN);
    expect(fresh.values).toEqual(a.values);
  });

  it('a deletion reaches the other browser, and is forgotten once both have seen it', () => {
    const area: Area = new Map();
    const a = newBrowser('a');
    const b = newBrowser('b');
    edit(a, X, { state: 'done' }, T0);
    sync(a, area, T0);
    sync(b, area, T0 + MIN);
    delete a.values[X];
    sync(a, area, T0 + 2 * MIN);
    expect(area.get('a')!.entries[X]!.state!.v).toBeNull();
    sync(b, area, T0 + 3 * MIN);
    expect(b.values[X]).toBeUndefined();
    sync(a, area, T0 + 4 * MIN);
    expect(area.get('a')!.entries[X]).toBeUndefined();
    expect(a.memory[X]).toBeUndefined();
  });

  it('any edits on three browsers, synced in any order, end the same everywhere', () => {
    const op = fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('edit', 'delete', 'sync'),
      key: fc.constantFrom(X, itemKey('g', 'y')),
      state: fc.constantFrom('done', 'learning', 'not-started'),
      note: fc.constantFrom(null, 'a', 'b'),
      minutes: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 30 }),
        fc.array(fc.integer({ min: -90, max: 90 }), { minLength: 3, maxLength: 3 }),
        (ops, skews) => {
          const area: Area = new Map();
          const browsers = ['a', 'b', 'c'].map((d, i) => newBrowser(d, skews[i]));
          let time = T0;
          for (const o of ops) {
            time += o.minutes * MIN;
            const b = browsers[o.who]!;
            if (o.kind === 'edit') edit(b, o.key, { state: o.state, note: o.note }, time);
            else if (o.kind === 'delete') delete b.values[o.key];
            else sync(b, area, time);
          }
          for (let round = 0; round < 2; round++)
            for (const b of browsers) sync(b, area, (time += MIN));
          expect(browsers[1]!.values).toEqual(browsers[0]!.values);
          expect(browsers[2]!.values).toEqual(browsers[0]!.values);
        },
      ),
      { numRuns: 300 },
    );
  });
});
