import { browser } from 'wxt/browser';
import type { ChangeRecord } from '../commands/changes';
import type { CommandServices } from '../commands/command';
import type { Runner } from '../commands/runner';
import { BACKGROUND } from '../commands/senders';
import type { MergeResult } from './store';
import { joinSync, leaveSync, noteRestore, syncDevice, syncOnce } from './store';
import { syncRunner } from './runner';

/** Tries sync again after the browser refused a write (quota, rate). */
const SYNC_RETRY = 'levelmate-sync-retry';

/** Settings that follow the person to their other browsers (see local-values). */
const SYNCED_SETTINGS = new Set(['currentLevels', 'excludedSites', 'showChip']);

export type SyncControl = CommandServices['sync'] & {
  /** Follows every change record: progress changed here, so sync soon. */
  follow(record: ChangeRecord): Promise<void>;
};

/**
 * Sync in the background: a run at start, after each change here (soon), when another
 * browser's share arrives, and a minute after a refused write. Runs, turning sync on or off,
 * and noting a restore all wait in one line, so none overlaps another.
 */
export function startSync(runner: Runner, ready: Promise<unknown>): SyncControl {
  const line = syncRunner(async () => {
    await ready;
    const merge = async (input: Parameters<Parameters<typeof syncOnce>[0]>[0]) =>
      (await runner.run('mergeSync', input, BACKGROUND)).value as MergeResult;
    const status = await syncOnce(merge, Date.now());
    if (status.problem) await browser.alarms.create(SYNC_RETRY, { delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY) void line.now();
  });
  // This browser's own writes echo here too: only another browser's keys call for a run.
  browser.storage.sync.onChanged.addListener((changes) => {
    void syncDevice().then((device) => {
      if (Object.keys(changes).some((key) => !device || !key.startsWith(`${device}.`))) {
        line.soon();
      }
    });
  });
  line.soon();
  return {
    now: line.now,
    join: async () => {
      await line.exclusive(joinSync);
      await line.now();
    },
    leave: () => line.exclusive(leaveSync),
    async follow(record) {
      // A run's own merge is not a change made here.
      if (record.command === 'mergeSync') return;
      const progress =
        record.tables.has('itemStates') ||
        [...record.settings].some((key) => SYNCED_SETTINGS.has(key));
      if (!progress) return;
      if (record.restore) await line.exclusive(noteRestore);
      line.soon();
    },
  };
}
