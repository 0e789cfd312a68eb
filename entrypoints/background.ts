import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { GUIDES } from '@/lib/builtin/guide';
import { db } from '@/lib/db/database';
import {
  applyScripts,
  planScripts,
  refreshBadges,
  showBadge,
} from '@/lib/services/browser-effects';
import { learningSitePatterns } from '@/lib/services/learning-site-patterns';
import { forgetTab } from '@/lib/services/page-memory';
import { siteAccessChecker } from '@/lib/services/site-access';
import { recognisePage } from '@/lib/services/recogniser';
import { registerMessageRoutes } from '@/lib/services/routes';
import {
  listenToReminderClicks,
  REMINDER_ALARM,
  remindIfDue,
  scheduleReminder,
} from '@/lib/services/reminders';
import { readSettings } from '@/lib/services/settings';
import { startSync } from '@/lib/services/sync-control';
import { migrateSavedProgress } from '@/lib/services/startup';
import { isPaused } from '@/lib/domain/visit-policy';
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
