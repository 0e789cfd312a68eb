import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { GUIDES } from '@/lib/builtin/guide';
import { db } from '@/lib/db/database';
import { showBadge, syncAnySiteScript } from '@/lib/services/browser-effects';
import { recognisePage } from '@/lib/services/recogniser';
import { registerMessageRoutes } from '@/lib/services/routes';
import { readSettings } from '@/lib/services/settings';
import { migrateSavedProgress } from '@/lib/services/startup';

export default defineBackground(() => {
  const database = db();
  const ready = migrateSavedProgress(database, GUIDES, Date.now());
  const syncAnySite = async () =>
    syncAnySiteScript((await readSettings(database)).recogniseAnySite, 'learning-page.js');

  const ctx = {
    db: database,
    guides: GUIDES,
    now: Date.now,
    recognise: recognisePage,
    onPageVerdict: showBadge,
  };
  registerMessageRoutes(ctx, ready, async (name) => {
    if (name === 'updateSettings') await syncAnySite();
  });

  browser.permissions.onRemoved.addListener(() => void syncAnySite());
  browser.runtime.onStartup.addListener(() => void syncAnySite());
  // Chrome opens the side panel from the keyboard command; Firefox has _execute_sidebar_action.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab?.windowId !== undefined) {
      void browser.sidePanel?.open({ windowId: tab.windowId });
    }
  });
});
