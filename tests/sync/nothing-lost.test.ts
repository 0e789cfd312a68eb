import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONFLICT_MARKER, mergeNotes } from '@/lib/progress/note-merge';
import { itemKey } from '@/lib/sync/local-values';
import { syncRunner } from '@/lib/sync/runner';
import { shareItems } from '@/lib/sync/storage-items';
import { isSyncOn, joinSync, leaveSync, syncOnce } from '@/lib/sync/store';
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
import { merging } from '../helpers/sync';

const syncKeys = async () => Object.keys(await fakeBrowser.storage.sync.get(null));

describe('turning sync off while a run is in flight', () => {
  it('waits for the run, then leaves: the share is gone and stays gone', async () => {
    const a = newBrowser();
    await edit(a, X, 'done', T0);
    await inBrowser(a, async () => {
      // A run that is slow to read the other browsers' shares.
      const get = fakeBrowser.storage.sync.get.bind(fakeBrowser.storage.sync);
      vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation((async (keys: never) => {
        await new Promise((r) => setTimeout(r, 50));
        return get(keys);
      }) as never);
      const line = syncRunner(async () => void (await syncOnce(merging(a.db, T0), T0)));
      const running = line.now();
      await new Promise((r) => setTimeout(r, 5));
      const leaving = line.exclusive(leaveSync);
      await Promise.all([running, leaving]);
      expect(await syncKeys()).toEqual([]);
      expect(await isSyncOn()).toBe(false);
      // A run asked for after sync is off does nothing at all.
      await line.now();
      expect(await syncKeys()).toEqual([]);
    });
  });

  it('turning sync on again after "delete everything" publishes no deletion of what is gone here', async () => {
    const a = newBrowser();
    const b = newBrowser();
    for (const item of [X, Y]) await edit(b, item, 'done', T0, `note on ${item}`);
    await sync(b, T0);
    await sync(a, T0 + MIN);
    expect(Object.keys((await seen(a)).items)).toHaveLength(2);
    // In browser A: sync off, everything deleted, sync on again.
    await inBrowser(a, leaveSync);
    await a.db.itemStates.clear();
    await inBrowser(a, joinSync);
    await sync(a, T0 + 2 * MIN);
    await sync(b, T0 + 3 * MIN);
    expect((await seen(b)).items).toEqual({
      [X]: { state: 'done', note: `note on ${X}` },
      [Y]: { state: 'done', note: `note on ${Y}` },
    });
    // And A has them back from B.
    expect(Object.keys((await seen(a)).items).sort()).toEqual([X, Y].sort());
  });
});

describe('what another browser removes stays recoverable', () => {
  it('keeps every item and note a share deleted in the sync trash, and restores them', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await edit(a, X, 'done', T0, 'my own words');
    await edit(a, Y, 'learning', T0);
    await sync(a, T0);
    await sync(b, T0 + MIN);
    // Browser B deletes both (as a guide update or a reset there would).
    await b.db.itemStates.clear();
    await sync(b, T0 + 2 * MIN);
    await sync(a, T0 + 3 * MIN);
    expect((await seen(a)).items).toEqual({});
    const trash = await a.db.syncTrash.toArray();
    expect(trash.map((t) => [t.row.itemId, t.what, t.row.note]).sort()).toEqual(
      [
        [X, 'item', 'my own words'],
        [Y, 'item', ''],
      ].sort(),
    );
    const runner = a.runner(T0 + 4 * MIN);
    const { value } = await runner.run('restoreRemoved', { batch: trash[0]!.batch }, panel);
    expect(value).toEqual({ restored: 2 });
    expect((await seen(a)).items[X]).toEqual({ state: 'done', note: 'my own words' });
    // The restore is a new change: it wins over the deletion in the other browser too.
    await sync(a, T0 + 5 * MIN);
    await sync(b, T0 + 6 * MIN);
    expect((await seen(b)).items[X]).toEqual({ state: 'done', note: 'my own words' });
    expect(await a.db.syncTrash.count()).toBe(0);
  });
});

describe('a change dated far in the future', () => {
  it('is held, not applied, said in the status, and does not freeze later edits', async () => {
    const a = newBrowser();
    await edit(a, X, 'learning', T0);
    await sync(a, T0);
    // A forged or broken share: a field stamped at the largest time there is.
    await fakeBrowser.storage.sync.set(
      shareItems('otherdev01', {
        entries: { [itemKey(G, X)]: { state: { v: 'done', s: { t: 8.64e15, d: 'otherdev01' } } } },
        seen: {},
      }),
    );
    const status = await inBrowser(a, () => syncOnce(merging(a.db, T0 + MIN), T0 + MIN));
    expect(status.problem).toMatch(/1 change from another browser is dated more than a day ahead/);
    expect((await seen(a)).items[X]?.state).toBe('learning');
    // This browser's own later edits still count, and its share stays valid for others.
    await edit(a, X, 'done', T0 + 2 * MIN);
    await sync(a, T0 + 3 * MIN);
    const b = newBrowser();
    await sync(b, T0 + 4 * MIN);
    expect((await seen(b)).items[X]?.state).toBe('done');
  });
});

describe('two edits of the same note', () => {
  it('made offline in two browsers, both stay', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await edit(a, X, 'learning', T0, 'DNS, then TCP.');
    await sync(a, T0);
    await sync(b, T0 + MIN);
    await edit(a, X, 'learning', T0 + 2 * MIN, 'DNS, then TCP. Then TLS.');
    await edit(b, X, 'learning', T0 + 3 * MIN, 'DNS, then TCP. Ask about HTTP/3.');
    await sync(a, T0 + 4 * MIN);
    await sync(b, T0 + 5 * MIN);
    await sync(a, T0 + 6 * MIN);
    for (const browser of [a, b]) {
      const note = (await seen(browser)).items[X]!.note;
      expect(note).toContain('Then TLS.');
      expect(note).toContain('Ask about HTTP/3.');
      expect(note.match(/DNS, then TCP\./g)).toHaveLength(1);
    }
  });

  it('a later note outlives an older one whose row changed state afterwards (found by the soak)', async () => {
    const a = newBrowser();
    const b = newBrowser();
    // B writes a note and syncs; A, not syncing, writes a later one.
    await b.runner(T0).run('setNote', { guideId: G, itemId: X, note: 'from B' }, panel);
    await sync(b, T0);
    await inBrowser(a, leaveSync);
    await a.runner(T0 + MIN).run('setNote', { guideId: G, itemId: X, note: 'from A' }, panel);
    // B leaves sync, changes only the item's state, and its backup is merged into A.
    await inBrowser(b, leaveSync);
    await b
      .runner(T0 + 2 * MIN)
      .run('setItemState', { guideId: G, itemId: X, state: 'learning' }, panel);
    const { value: text } = await b.runner(T0 + 3 * MIN).run('exportBackup', {}, panel);
    await a.runner(T0 + 4 * MIN).run('importBackup', { text, mode: 'merge' }, panel);
    // Both come back to sync.
    let at = T0 + 5 * MIN;
    for (const browser of [a, b]) await inBrowser(browser, joinSync);
    for (const browser of [a, b, a, b]) await sync(browser, (at += MIN));
    for (const browser of [a, b]) {
      const { state, note } = (await seen(browser)).items[X]!;
      expect(state).toBe('learning');
      expect(note).toContain('from A');
    }
  });

  it('a backup merged in keeps the later note, though its row changed state afterwards', async () => {
    const a = newBrowser();
    const b = newBrowser();
    await b.runner(T0).run('setNote', { guideId: G, itemId: X, note: 'from B' }, panel);
    await a.runner(T0 + MIN).run('setNote', { guideId: G, itemId: X, note: 'from A' }, panel);
    await b
      .runner(T0 + 2 * MIN)
      .run('setItemState', { guideId: G, itemId: X, state: 'learning' }, panel);
    const { value: text } = await b.runner(T0 + 3 * MIN).run('exportBackup', {}, panel);
    await a.runner(T0 + 4 * MIN).run('importBackup', { text, mode: 'merge' }, panel);
    const merged = (await seen(a)).items[X]!;
    expect(merged.state).toBe('learning');
    // Both kept, in the order they were written (B's first), whatever the rows did later.
    expect(merged.note).toBe('from B\nfrom A');
  });

  it('made in two panels at once, both stay', async () => {
    const a = newBrowser();
    const runner = a.runner(T0);
    await runner.run('setNote', { guideId: G, itemId: X, note: 'Start.' }, panel);
    // Both panels loaded "Start."; each saves its own addition.
    await runner.run(
      'setNote',
      { guideId: G, itemId: X, note: 'Start. One.', base: 'Start.' },
      panel,
    );
    const { value } = await runner.run(
      'setNote',
      { guideId: G, itemId: X, note: 'Start. Two.', base: 'Start.' },
      panel,
    );
    expect(value).toEqual({ note: 'Start. One.\nTwo.' });
  });
});

describe('merging two edits of a note', () => {
  it('keeps both additions once, or both versions under a marker', () => {
    expect(mergeNotes('a', 'a b', 'a c')).toBe('a c\nb');
    expect(mergeNotes('a', 'a', 'a c')).toBe('a c');
    expect(mergeNotes('a', 'a b', 'a')).toBe('a b');
    expect(mergeNotes('a', 'a b c', 'a b')).toBe('a b c');
    expect(mergeNotes('old text', 'mine rewritten', 'theirs rewritten')).toBe(
      `mine rewritten\n\n${CONFLICT_MARKER}\ntheirs rewritten`,
    );
  });
});
