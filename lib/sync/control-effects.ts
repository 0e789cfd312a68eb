import { browser } from 'wxt/browser';
import type { LevelmateDatabase } from '../db/database';
import type { Guide } from '../schemas/guide';
import type { SyncControl } from '../commands/handlers';
import { joinSync, leaveSync, syncDevice, syncOnce } from './store';
import { syncRunner } from './runner';

/** Tries sync again after the browser refused a write (quota, rate). */
const SYNC_RETRY = 'levelmate-sync-retry';

/**
 * Sync in the background: a run at start, after each change here (soon), when another
 * browser's share arrives, and a minute after a refused write. `afterSettings` applies
 * settings another browser changed.
 */
export function startSync(
  db: LevelmateDatabase,
  guides: readonly Guide[],
  ready: Promise<unknown>,
  afterSettings: () => Promise<void>,
): SyncControl {
  const runner = syncRunner(async () => {
    await ready;
    const { settingsChanged, status } = await syncOnce(db, guides, Date.now());
    if (settingsChanged) await afterSettings();
    if (status.problem) await browser.alarms.create(SYNC_RETRY, { delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY) void runner.now();
  });
  // This browser's own writes echo here too: only another browser's keys call for a run.
  browser.storage.sync.onChanged.addListener((changes) => {
    void syncDevice().then((device) => {
      if (Object.keys(changes).some((key) => !device || !key.startsWith(`${device}.`))) {
        runner.soon();
      }
    });
  });
  runner.soon();
  return {
    soon: runner.soon,
    now: runner.now,
    join: async () => {
      await joinSync();
      await runner.now();
    },
    leave: leaveSync,
  };
}
