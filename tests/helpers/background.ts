import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GUIDES } from '@/lib/builtin/guide';
import { startBackground, type Background } from '@/lib/commands/background-effects';
import type { BrowserSender } from '@/lib/commands/senders';
import type { LevelmateDatabase } from '@/lib/db/database';
import type { Recognition } from '@/lib/recognition/recognise';
import { recognisePage } from './recogniser';
import type { PageSignals } from '@/lib/recognition/signals';
import { LEARNING_SITE_ORIGINS } from '@/lib/builtin/learning-sites';

/*
 * The real background for tests: the real runner, commands, router and followers over
 * fake-indexeddb, reached the way a page reaches it (runtime.sendMessage), with the sender
 * the browser would attach. Component and content-script tests talk to this, never to a
 * hand-made stand-in, so a test cannot pass where the real message would fail.
 */

export const EXTENSION_ID = fakeBrowser.runtime.id;
const extensionUrl = (page: string) => `chrome-extension://${fakeBrowser.runtime.id}/${page}`;

/** What the browser says of a message from one of the extension's own pages. */
export const extensionPage = (page = 'sidepanel.html'): BrowserSender => ({
  id: fakeBrowser.runtime.id,
  url: extensionUrl(page),
});

/** What the browser says of a message from a content script in a tab. */
export const pageTab = (url: string, tabId = 7, incognito = false): BrowserSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId, incognito },
});

/** The browser's registered content scripts and injections, in memory. */
function installFakeScripting() {
  const registered = new Map<string, { id: string; matches: string[] }>();
  const injected: { tabId: number; files: string[] }[] = [];
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [...registered.values()],
    registerContentScripts: async (scripts: { id: string; matches: string[] }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, { id: s.id, matches: s.matches });
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) registered.delete(id);
    },
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      // The chip's script, as the browser would run it in the tab (here, this test's page).
      if (files.includes('chip.js')) {
        const [{ startChip }, { sendToBackground }] = await Promise.all([
          import('@/lib/content/chip-entry'),
          import('@/lib/content/page-channel'),
        ]);
        startChip(sendToBackground);
      }
    },
  });
  return { registered, injected };
}

export interface Harness extends Background {
  db: LevelmateDatabase;
  /** Messages from now on come from this sender (an extension page until told otherwise). */
  sendAs(sender: BrowserSender): void;
  scripting: ReturnType<typeof installFakeScripting>;
}

export interface HarnessOptions {
  db: LevelmateDatabase;
  recognise?: (signals: PageSignals) => Promise<Recognition | null>;
  now?: () => number;
}

/** Starts the background and routes runtime.sendMessage to it with a realistic sender. */
export async function startHarness({
  db,
  recognise = recognisePage,
  now,
}: HarnessOptions): Promise<Harness> {
  // A second background on one browser would answer messages too (from the other database),
  // and whichever answered first would win: a test that needs a new background needs a new
  // browser (resetFakeBrowser), as a restarted worker's listeners are gone.
  if (fakeBrowser.runtime.onMessage.hasListeners())
    throw new Error('a background is already listening on this fake browser: reset it first');
  const scripting = installFakeScripting();
  // Keyboard commands come from the manifest; nothing here presses them.
  Object.assign(fakeBrowser.commands, { onCommand: { addListener: () => undefined } });
  let sender: BrowserSender = extensionPage();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    let answer: (value: unknown) => void = () => undefined;
    const answered = new Promise((resolve) => (answer = resolve));
    const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, answer);
    return results.some((r: unknown) => r === true) ? answered : undefined;
  }) as never);
  const background = startBackground({
    db,
    guides: GUIDES,
    recognise,
    learningSiteOrigins: LEARNING_SITE_ORIGINS,
    contentScriptFile: 'learning-page.js',
    chipScriptFile: 'chip.js',
    now,
  });
  await background.ready;
  return { ...background, db, scripting, sendAs: (next) => void (sender = next) };
}
