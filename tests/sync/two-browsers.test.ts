import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ItemState } from '@/lib/progress/item-state';
import { joinSync, leaveSync, noteRestore } from '@/lib/sync/store';
import {
  edit,
  G,
  inBrowser,
  MIN,
  newBrowser,
  panel,
  seen,
  sync,
  T0,
  X,
  Y,
} from '../helpers/browsers';

describe('two browsers of one person', () => {
  it('a change made after seeing another wins, even on a computer whose clock is an hour behind', async () => {
    const work = newBrowser(0);
    const home = newBrowser(60);
    await edit(home, X, 'done', T0);
    await sync(home, T0);
    await sync(work, T0 + MIN);
    expect((await seen(work)).items[X]?.state).toBe('done');
    // Ten minutes later, on the laptop whose clock reads fifty minutes before home's stamp.
    await edit(work, X, 'learning', T0 + 10 * MIN);
    await sync(work, T0 + 10 * MIN);
    await sync(home, T0 + 11 * MIN);
    expect((await seen(home)).items[X]?.state).toBe('learning');
    expect((await seen(work)).items[X]?.state).toBe('learning');
  });

  it('a change back to what was last synced still wins over an older change elsewhere', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await edit(a, X, 'learning', T0 + MIN);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 2 * MIN);
    await edit(a, X, 'done', T0 + 3 * MIN);
    await edit(b, X, 'done', T0 + 4 * MIN);
    // Back to what the last run merged: still a change, and made after b's.
    await edit(a, X, 'learning', T0 + 5 * MIN);
    for (const time of [6, 7, 8, 9]) await sync(time % 2 ? b : a, T0 + time * MIN);
    for (const browser of [a, b]) expect((await seen(browser)).items[X]?.state).toBe('learning');
  });

  it('a level or the chip chosen again after the last run still wins; an exclusion made elsewhere stays', async () => {
    const a = newBrowser();
    const b = newBrowser();
    const choose = (x: typeof a, time: number, level: number, showChip: boolean) =>
      x
        .runner(T0 + time * MIN)
        .run('setCurrentLevel', { guideId: G, level }, panel)
        .then(() => x.runner(T0 + time * MIN).run('updateSettings', { showChip }, panel));
    await choose(a, 1, 3, false);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 2 * MIN);
    await choose(a, 3, 4, true);
    await a.runner(T0 + 3 * MIN).run('addExcludedSite', { site: 'news.example' }, panel);
    await choose(b, 4, 5, true);
    await b.runner(T0 + 4 * MIN).run('addExcludedSite', { site: 'social.example' }, panel);
    // Back to what the last run merged, after b's choices.
    await choose(a, 5, 3, false);
    await a.runner(T0 + 5 * MIN).run('removeExcludedSite', { site: 'news.example' }, panel);
    for (const time of [6, 7, 8, 9]) await sync(time % 2 ? b : a, T0 + time * MIN);
    for (const x of [a, b]) {
      expect((await seen(x)).levels).toEqual({ [G]: 3 });
      expect(await x.db.settings.get('settings')).toMatchObject({
        showChip: false,
        excludedSites: ['social.example'],
      });
    }
  });

  it('a level taken from another browser stays as old as it was when sync is turned on again', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await a.runner(T0 + MIN).run('setCurrentLevel', { guideId: G, level: 4 }, panel);
    await sync(a, T0 + 2 * MIN);
    await a.runner(T0 + 3 * MIN).run('setCurrentLevel', { guideId: G, level: 3 }, panel);
    await sync(b, T0 + 4 * MIN);
    await inBrowser(b, leaveSync);
    await inBrowser(b, joinSync);
    for (const time of [5, 6, 7, 8]) await sync(time % 2 ? a : b, T0 + time * MIN);
    for (const x of [a, b]) expect((await seen(x)).levels).toEqual({ [G]: 3 });
  });

  it('the chip shown again, its default, wins over an older choice to hide it elsewhere', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await b.runner(T0 + MIN).run('updateSettings', { showChip: false }, panel);
    await a.runner(T0 + 2 * MIN).run('updateSettings', { showChip: false }, panel);
    await a.runner(T0 + 3 * MIN).run('updateSettings', { showChip: true }, panel);
    for (const time of [4, 5, 6, 7]) await sync(time % 2 ? a : b, T0 + time * MIN);
    for (const x of [a, b]) expect((await x.db.settings.get('settings'))?.showChip).toBe(true);
    // Once both have it, runs change nothing more: the choice is not sent again and again.
    const settled = await fakeBrowser.storage.sync.get(null);
    for (const time of [8, 9, 10, 11]) await sync(time % 2 ? a : b, T0 + time * MIN);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(settled);
  });

  it('the chip shown again wins over a hidden chip a backup took to another browser', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await a.runner(T0 + MIN).run('updateSettings', { showChip: false }, panel);
    const backup = (await a.runner(T0 + 2 * MIN).run('exportBackup', {}, panel)).value as string;
    await inBrowser(b, () =>
      b.runner(T0 + 2 * MIN).run('importBackup', { text: backup, mode: 'merge' }, panel),
    );
    await a.runner(T0 + 3 * MIN).run('updateSettings', { showChip: true }, panel);
    for (const time of [4, 5, 6, 7]) await sync(time % 2 ? b : a, T0 + time * MIN);
    for (const x of [a, b]) expect((await x.db.settings.get('settings'))?.showChip).toBe(true);
  });

  it('a level taken back wins over the level a backup took to a browser that joins later', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await a.runner(T0 + MIN).run('setCurrentLevel', { guideId: G, level: 5 }, panel);
    const backup = (await a.runner(T0 + 2 * MIN).run('exportBackup', {}, panel)).value as string;
    await inBrowser(b, () =>
      b.runner(T0 + 2 * MIN).run('importBackup', { text: backup, mode: 'merge' }, panel),
    );
    await a.runner(T0 + 3 * MIN).run('setCurrentLevel', { guideId: G, level: null }, panel);
    for (const time of [4, 5, 6, 7]) await sync(time % 2 ? b : a, T0 + time * MIN);
    for (const x of [a, b]) expect((await seen(x)).levels).toEqual({});
  });

  it('a level taken from a backup keeps when it was chosen', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await a.runner(T0).run('addExcludedSite', { site: 'news.example' }, panel);
    await b.runner(T0 + MIN).run('setCurrentLevel', { guideId: G, level: 4 }, panel);
    const backup = (await b.runner(T0 + 2 * MIN).run('exportBackup', {}, panel)).value as string;
    await inBrowser(a, () =>
      a.runner(T0 + 3 * MIN).run('importBackup', { text: backup, mode: 'merge' }, panel),
    );
    await b.runner(T0 + 4 * MIN).run('setCurrentLevel', { guideId: G, level: 3 }, panel);
    for (const time of [5, 6, 7, 8]) await sync(time % 2 ? a : b, T0 + time * MIN);
    for (const x of [a, b]) expect((await seen(x)).levels).toEqual({ [G]: 3 });
  });

  it('a note written where an item was never touched does not undo its check-off elsewhere', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await edit(a, Y, 'done', T0 + MIN);
    // B moves its clock on by syncing something of its own, then notes Y, which it never set.
    await edit(b, X, 'done', T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    await b
      .runner(T0 + 4 * MIN)
      .run('setNote', { guideId: G, itemId: Y, note: 'Read RFC 8446' }, panel);
    for (const time of [5, 6, 7, 8]) await sync(time % 2 ? a : b, T0 + time * MIN);
    for (const browser of [a, b])
      expect((await seen(browser)).items[Y]).toMatchObject({
        state: 'done',
        note: 'Read RFC 8446',
      });
  });

  it('merges changes made offline on both: different fields both stay, the same field takes the later', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await edit(a, X, 'done', T0);
    await edit(b, X, 'learning', T0 - 5 * MIN, 'Written on the train');
    await a.runner(T0).run('setCurrentLevel', { guideId: G, level: 3 }, panel);
    await sync(a, T0 + MIN);
    await sync(b, T0 + 2 * MIN);
    await sync(a, T0 + 3 * MIN);
    for (const browser of [a, b]) {
      expect((await seen(browser)).items[X]).toEqual({
        state: 'done',
        note: 'Written on the train',
      });
      expect((await seen(browser)).levels).toEqual({ [G]: 3 });
    }
  });

  it("a new browser's defaults do not override choices made in another", async () => {
    const a = newBrowser();
    const runner = a.runner(T0);
    await runner.run('setCurrentLevel', { guideId: G, level: 4 }, panel);
    await runner.run('addExcludedSite', { site: 'news.example' }, panel);
    await runner.run('updateSettings', { showChip: false }, panel);
    await sync(a, T0);
    const fresh = newBrowser();
    await sync(fresh, T0 + 60 * MIN);
    expect(await fresh.db.settings.get('settings')).toMatchObject({
      currentLevels: { [G]: 4 },
      excludedSites: ['news.example'],
      showChip: false,
    });
  });

  it('restoring an older backup does not undo a newer change made in another browser', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await edit(a, X, 'learning', T0);
    await sync(a, T0);
    const backup = (await a.runner(T0).run('exportBackup', {}, panel)).value as string;
    // Later, the person finishes the item on their other browser.
    await sync(b, T0 + MIN);
    await edit(b, X, 'done', T0 + 60 * MIN);
    await sync(b, T0 + 60 * MIN);
    await sync(a, T0 + 61 * MIN);
    expect((await seen(a)).items[X]?.state).toBe('done');
    // Then restores the old backup here: the old state must not win everywhere.
    const restore = a.runner(T0 + 62 * MIN);
    await inBrowser(a, async () => {
      await restore.run(
        'importBackup',
        { text: backup, mode: 'replace', acceptFewer: true },
        panel,
      );
      // What the background's sync follower does after a restore (lib/sync/control-effects).
      await noteRestore();
    });
    await sync(a, T0 + 63 * MIN);
    await sync(b, T0 + 64 * MIN);
    expect((await seen(a)).items[X]?.state).toBe('done');
    expect((await seen(b)).items[X]?.state).toBe('done');
  });

  it('any edits on three browsers, synced in any order, end the same everywhere', async () => {
    const op = fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('edit', 'sync'),
      item: fc.constantFrom(X, Y),
      state: fc.constantFrom<ItemState>('done', 'learning', 'not-started'),
      note: fc.constantFrom(undefined, '', 'a', 'b'),
      minutes: fc.integer({ min: 0, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 20 }),
        fc.array(fc.integer({ min: -90, max: 90 }), { minLength: 3, maxLength: 3 }),
        async (ops, skews) => {
          await fakeBrowser.storage.sync.clear();
          const browsers = skews.map((skew) => newBrowser(skew));
          let time = T0;
          for (const o of ops) {
            time += o.minutes * MIN;
            const b = browsers[o.who]!;
            if (o.kind === 'edit') await edit(b, o.item, o.state, time, o.note);
            else await sync(b, time);
          }
          for (let round = 0; round < 2; round++)
            for (const b of browsers) await sync(b, (time += MIN));
          // Settled: more runs send nothing new.
          const settled = await fakeBrowser.storage.sync.get(null);
          for (const b of browsers) await sync(b, (time += MIN));
          expect(await fakeBrowser.storage.sync.get(null)).toEqual(settled);
          const first = await seen(browsers[0]!);
          expect(await seen(browsers[1]!)).toEqual(first);
          expect(await seen(browsers[2]!)).toEqual(first);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('the last change wins everywhere (states, notes, levels chosen and taken back, the chip), whatever was offline, off, imported or synced when', async () => {
    const op = fc.record({
      who: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom('edit', 'note', 'level', 'chip', 'sync', 'off', 'on', 'import'),
      item: fc.constantFrom(X, Y),
      state: fc.constantFrom<ItemState>('done', 'learning', 'skipped'),
      // null takes the level back (suggested from progress again).
      level: fc.constantFrom(3, 4, 5, null),
      chip: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
        await fakeBrowser.storage.sync.clear();
        const bs = [newBrowser(), newBrowser()];
        const on = [true, true];
        let time = T0;
        const last = new Map<string, string>();
        const lastNote = new Map<string, string>();
        let lastLevel: number | null | undefined;
        let lastChip: boolean | undefined;
        const trace: string[] = [];
        for (const o of ops) {
          time += MIN;
          const b = bs[o.who]!;
          trace.push(`${o.who} ${o.kind} ${o.item} ${o.state} ${o.level} ${o.chip}`);
          if (o.kind === 'edit') {
            // A person changes what they see: the same state again is no change at all.
            const now = (await seen(b)).items[o.item]?.state ?? 'not-started';
            if (now === o.state) continue;
            await edit(b, o.item, o.state, time);
            last.set(o.item, o.state);
          } else if (o.kind === 'note') {
            const note = `note ${time}`;
            await b.runner(time).run('setNote', { guideId: G, itemId: o.item, note }, panel);
            lastNote.set(o.item, note);
          } else if (o.kind === 'level') {
            if (((await seen(b)).levels[G] ?? null) === o.level) continue;
            await b.runner(time).run('setCurrentLevel', { guideId: G, level: o.level }, panel);
            lastLevel = o.level;
          } else if (o.kind === 'chip') {
            // The chip is shown until the person hides it (no settings row yet: shown).
            const shown = (await b.db.settings.get('settings'))?.showChip ?? true;
            if (shown === o.chip) continue;
            await b.runner(time).run('updateSettings', { showChip: o.chip }, panel);
            lastChip = o.chip;
          } else if (o.kind === 'sync') await sync(b, time);
          else if (o.kind === 'off') {
            await inBrowser(b, leaveSync);
            on[o.who] = false;
          } else if (o.kind === 'on') {
            await inBrowser(b, joinSync);
            on[o.who] = true;
          } else {
            const other = bs[1 - o.who]!;
            const text = (await b.runner(time).run('exportBackup', {}, panel)).value as string;
            await inBrowser(other, async () => {
              await other.runner(time).run('importBackup', { text, mode: 'merge' }, panel);
              await noteRestore();
            });
          }
        }
        for (const [i, b] of bs.entries()) if (!on[i]) await inBrowser(b, joinSync);
        for (let r = 0; r < 3; r++) for (const b of bs) await sync(b, (time += MIN));
        // Settled: more runs send nothing new.
        const settled = await fakeBrowser.storage.sync.get(null);
        for (const b of bs) await sync(b, (time += MIN));
        expect(await fakeBrowser.storage.sync.get(null), trace.join('\n')).toEqual(settled);
        const a = await seen(bs[0]!);
        for (const [item, state] of last)
          expect(a.items[item]?.state, trace.join('\n')).toBe(state);
        if (lastLevel !== undefined) expect(a.levels[G] ?? null, trace.join('\n')).toBe(lastLevel);
        if (lastChip !== undefined)
          expect((await bs[0]!.db.settings.get('settings'))?.showChip ?? true).toBe(lastChip);
        // Notes are never lost: the last words written are there (an earlier edit may be too).
        for (const [item, note] of lastNote)
          expect(a.items[item]?.note, trace.join('\n')).toContain(note);
        expect(await seen(bs[1]!)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});
