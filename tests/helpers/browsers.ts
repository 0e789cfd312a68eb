import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GUIDES } from '@/lib/builtin/guide';
import { createRunner, type Runner } from '@/lib/commands/runner';
import { COMMANDS } from '@/lib/commands/table';
import type { LevelmateDatabase } from '@/lib/db/database';
import type { ItemState } from '@/lib/progress/item-state';
import { syncOnce } from '@/lib/sync/store';
import { freshDb } from './db';
import { merging } from './sync';

/*
 * Browsers of one person, each with its own database and its own local storage, sharing the
 * browser account's sync storage: edits go through the real commands, and each sync is the
 * real run (lib/sync/store.ts with the 'mergeSync' command).
 */

export const G = 'backend-engineering';
export const X = 'request-journey-dns-tcp';
export const Y = 'https-tls-basics';
export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 1, 9);

export interface Browser {
  db: LevelmateDatabase;
  /** Minutes this computer's clock is off. */
  skew: number;
  /** This browser's storage.local (sync memory, status), kept while another one runs. */
  local: Record<string, unknown>;
  runner: (time: number) => Runner;
}

export function newBrowser(skew = 0): Browser {
  const db = freshDb();
  return {
    db,
    skew,
    // Sync is off until the person turns it on: these browsers have.
    local: { syncChoice: 'on' },
    runner: (time) =>
      createRunner(COMMANDS, {
        db,
        now: () => time + skew * MIN,
        env: { guides: GUIDES, recognise: async () => null, services: {} as never },
      }),
  };
}

/** Runs `work` as browser `b`: its local storage in place, the sync area shared. */
export async function inBrowser<T>(b: Browser, work: () => Promise<T>): Promise<T> {
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.local.set(b.local);
  try {
    return await work();
  } finally {
    b.local = await fakeBrowser.storage.local.get(null);
  }
}

export const panel = { kind: 'extension' } as const;

export async function edit(
  b: Browser,
  itemId: string,
  state: ItemState,
  time: number,
  note?: string,
) {
  const runner = b.runner(time);
  await runner.run('setItemState', { guideId: G, itemId, state }, panel);
  if (note !== undefined) await runner.run('setNote', { guideId: G, itemId, note }, panel);
}

export async function sync(b: Browser, time: number) {
  const now = time + b.skew * MIN;
  await inBrowser(b, () => syncOnce(merging(b.db, now), now));
}

/** What the person sees in a browser: each item's state and note, and the chosen level. */
export async function seen(b: Browser) {
  const rows = await b.db.itemStates.toArray();
  const items = Object.fromEntries(
    rows
      .filter((r) => r.state !== 'not-started' || r.note !== '')
      .map((r) => [r.itemId, { state: r.state, note: r.note }]),
  );
  return { items, levels: (await b.db.settings.get('settings'))?.currentLevels ?? {} };
}
