import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { GUIDES } from '@/lib/builtin/guide';
import { db } from '@/lib/db/database';
import { applyScripts, planScripts, refreshBadges, showBadge } from '@/lib/visits/badge-effects';
import { learningSitePatterns } from '@/lib/site-access/patterns-shipped';
import { forgetTab } from '@/lib/visits/page-memory-store';
import { siteAccessChecker } from '@/lib/site-access/site-access-effects';
import { recognisePage } from '@/lib/recognition/recogniser-shipped';
import { registerMessageRoutes } from '@/lib/commands/routes-effects';
import {
  listenToReminderClicks,
  REMINDER_ALARM,
  remindIfDue,
  scheduleReminder,
} from '@/lib/review/reminder-effects';
import { readSettings } from '@/lib/settings/store';
import { startSync } from '@/lib/sync/control-effects';
import { migrateSavedProgress } from '@/lib/guides/startup-store';
import { isPaused } from '@/lib/visits/visit-policy';
import type { SettingsRecord } from '@/lib/schemas/records';

/** Fires when a timed pause ends, so the paused mark leaves the toolbar button on time. */
const PAUSE_ENDS = 'levelmate-pause-ends';

export default defineBackground(() => {
  const database = db();
  const ready = migrateSavedProgress(database, GUIDES, Date.now());

  /** What the browser must reflect: scripts for the granted sites, badges, the alarms. */
  const applySettings = async (settings: SettingsRecord) => {
    const plan = await planScripts(learningSitePatterns(), settings.recogniseAnySite);
    await applyScripts(plan, 'learning-page.js');
    await refreshBadges(settings, Date.now());
    await browser.alarms.clear(PAUSE_ENDS);
    if (isPaused(settings, Date.now())) {
      await browser.alarms.create(PAUSE_ENDS, { when: settings.pausedUntil });
    }
    await scheduleReminder(settings, Date.now());
  };
  const reapply = async () => applySettings(await readSettings(database));

  const sync = startSync(database, GUIDES, ready, reapply);

  registerMessageRoutes(
    {
      db: database,
      guides: GUIDES,
      now: Date.now,
      recognise: recognisePage,
      onPageVerdict: showBadge,
      afterSettingsChange: applySettings,
      siteAccess: siteAccessChecker(learningSitePatterns),
      sync,
    },
    ready,
  );

  // Every start of the service worker (a browser start, an update, a wake-up) and every change
  // of the person's grants brings the registered scripts back in line.
  void reapply();
  browser.permissions.onAdded.addListener(() => {
    listenToReminderClicks();
    void reapply();
  });
  browser.permissions.onRemoved.addListener(() => void reapply());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_ENDS) void reapply();
    if (alarm.name === REMINDER_ALARM) {
      void readSettings(database).then((settings) => remindIfDue(database, settings, Date.now()));
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
});
