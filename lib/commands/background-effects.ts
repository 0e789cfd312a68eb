import { browser } from 'wxt/browser';
import type { LevelmateDatabase } from '../db/database';
import type { Recognition } from '../recognition/recognise';
import type { PageSignals } from '../recognition/signals';
import {
  listenToReminderClicks,
  REMINDER_ALARM,
  remindIfDue,
  scheduleReminder,
} from '../review/reminder-effects';
import type { Guide } from '../schemas/guide';
import { readSettings } from '../settings/store';
import { siteAccessChecker } from '../site-access/site-access-effects';
import { scriptRegistrar, type ScriptRegistrar } from '../site-access/scripts-effects';
import { startSync, type SyncControl } from '../sync/control-effects';
import { badgeFollower, badgeRefresher } from '../visits/badge-effects';
import { forgetTab, recallPage, rememberPage } from '../visits/page-memory-store';
import { isPaused } from '../visits/visit-policy';
import type { ChangeRecord } from './changes';
import type { CommandServices } from './command';
import { listenForCommands } from './router-effects';
import { createRunner, type Runner } from './runner';
import { BACKGROUND } from './senders';
import { COMMANDS } from './table';

/** Fires when a timed pause ends, so the paused mark leaves the toolbar button on time. */
const PAUSE_ENDS = 'levelmate-pause-ends';

export interface BackgroundDeps {
  db: LevelmateDatabase;
  guides: readonly Guide[];
  recognise: (signals: PageSignals) => Promise<Recognition | null>;
  /** The learning sites' host permissions: where the content script may run once granted. */
  learningSiteOrigins: readonly string[];
  contentScriptFile: string;
  /** The chip's own script, injected into a tab when a page calls for it. */
  chipScriptFile: string;
  now?: () => number;
}

export interface Background {
  runner: Runner;
  ready: Promise<unknown>;
  sync: SyncControl;
  scripts: ScriptRegistrar;
}

const touched = (record: ChangeRecord, key: Parameters<ChangeRecord['settings']['has']>[0]) =>
  record.settings.has(key);

/**
 * The background: the command runner, what follows its change records (sync, page memory,
 * badges, content scripts, reminders, the pause's end), and the browser's events. The
 * service worker calls this once per start; the tests call it to drive the real thing.
 */
export function startBackground(deps: BackgroundDeps): Background {
  const { db, guides } = deps;
  const now = deps.now ?? Date.now;
  const settings = () => readSettings(db);
  const services = {
    pages: { recall: recallPage },
    siteAccess: siteAccessChecker(deps.learningSiteOrigins),
    showChip: async (tabId: number) => {
      await browser.scripting.executeScript({
        target: { tabId },
        files: [deps.chipScriptFile as never],
      });
    },
  } as CommandServices;
  const runner = createRunner(COMMANDS, {
    db,
    now,
    env: { guides, recognise: deps.recognise, services },
  });
  const ready = runner.run('applyGuideUpdates', {}, BACKGROUND);
  const sync = startSync(runner, ready);
  services.sync = sync;
  const scripts = scriptRegistrar(deps.learningSiteOrigins, deps.contentScriptFile);

  const pauseAlarm = async () => {
    const current = await settings();
    await browser.alarms.clear(PAUSE_ENDS);
    if (isPaused(current, now()))
      await browser.alarms.create(PAUSE_ENDS, { when: current.pausedUntil });
  };

  runner.subscribe(sync.follow);
  runner.subscribe(async (record) => {
    for (const page of record.pages)
      if (page.recognition !== undefined)
        await rememberPage(page.tabId, { url: page.url, recognition: page.recognition });
  });
  const refreshAllBadges = badgeRefresher(settings, now);
  runner.subscribe(badgeFollower(refreshAllBadges));
  runner.subscribe(async (record) => {
    if (touched(record, 'recogniseAnySite'))
      await scripts.apply((await settings()).recogniseAnySite);
  });
  runner.subscribe(async (record) => {
    if (touched(record, 'reminder')) await scheduleReminder(await settings(), now());
  });
  runner.subscribe(async (record) => {
    if (touched(record, 'pausedUntil')) await pauseAlarm();
  });

  listenForCommands(runner, ready);

  // Every start of the service worker (a browser start, an update, a wake-up) brings the
  // registered scripts, the badges and the alarms back in line; so does every change of grants.
  const restart = async () => {
    await scripts.apply((await settings()).recogniseAnySite).catch(() => undefined);
    await refreshAllBadges();
    await pauseAlarm();
    // Read again: a command may have changed the settings while the steps above ran.
    await scheduleReminder(await settings(), now());
  };
  void ready
    .then(restart)
    .catch((error: unknown) =>
      console.warn('Levelmate: start-up follow-ups failed:', (error as Error).message),
    );
  browser.permissions.onAdded.addListener((granted) => {
    listenToReminderClicks();
    void settings().then(async (current) => {
      await scripts.apply(current.recogniseAnySite).catch(() => undefined);
      // Tabs already open on a site just granted are recognised now, not at their next load.
      await scripts.injectInto(granted.origins ?? []);
    });
  });
  browser.permissions.onRemoved.addListener(() => {
    void settings().then((current) =>
      scripts.apply(current.recogniseAnySite).catch(() => undefined),
    );
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_ENDS) void refreshAllBadges();
    if (alarm.name === REMINDER_ALARM) {
      void settings().then((current) => remindIfDue(db, current, now()));
    }
  });
  listenToReminderClicks();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // Chrome opens the side panel from the keyboard command; Firefox has _execute_sidebar_action.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab?.windowId !== undefined) {
      void browser.sidePanel?.open({ windowId: tab.windowId });
    }
  });
  return { runner, ready, sync, scripts };
}
