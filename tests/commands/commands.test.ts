import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GUIDES } from '@/lib/builtin/guide';
import { answer } from '@/lib/commands/router-effects';
import { createRunner } from '@/lib/commands/runner';
import { senderOf } from '@/lib/commands/senders';
import { COMMANDS } from '@/lib/commands/table';
import { sendToBackground } from '@/lib/content/page-channel';
import type { Recognition } from '@/lib/recognition/recognise';
import { request } from '@/lib/ui/send';
import { extensionPage, pageTab, startHarness, type Harness } from '../helpers/background';
import { freshDb, snapshot } from '../helpers/db';
import { visitCount } from '../helpers/visits';

const T = Date.UTC(2026, 10, 22, 9);
const GUIDE = 'backend-engineering';
const eventuallyConsistent: Recognition = {
  resource: {
    id: 'eventually-consistent',
    title: 'Eventually Consistent',
    kind: 'paper',
    reference: 'eventually-consistent',
  },
  matchedBy: 'site',
  items: [{ id: 'quorum-n-w-r-tuning', level: 6 }],
  reason: { by: 'resource' },
  topics: ['consistency'],
};
const PAGE = 'https://queue.acm.org/detail.cfm?id=1466448';
const signals = (url: string, title = 'Eventually Consistent - ACM Queue') => ({
  url,
  title,
  dois: [],
  isbns: [],
});

let clock = T;
async function harness(recognition: Recognition | null = eventuallyConsistent): Promise<Harness> {
  clock = T;
  const recognise = vi.fn(async (s: { url: string }) =>
    s.url.startsWith(PAGE) || s.url.startsWith('https://library.') ? recognition : null,
  );
  return startHarness({ db: freshDb(), recognise, now: () => clock });
}
const state = async (h: Harness, itemId: string) =>
  (await h.db.itemStates.get([GUIDE, itemId]))?.state;

describe('who may send what (the sender decision)', () => {
  const extension = {
    id: fakeBrowser.runtime.id,
    origin: `chrome-extension://${fakeBrowser.runtime.id}/`,
  };

  it("trusts the extension's own pages, and a content script as its tab and page", () => {
    expect(senderOf(extensionPage('popup.html'), extension)).toEqual({ kind: 'extension' });
    expect(senderOf(pageTab(PAGE, 4, true), extension)).toEqual({
      kind: 'page',
      tabId: 4,
      url: PAGE,
      incognito: true,
    });
  });

  it('refuses another extension, and a sender with no page or tab', () => {
    expect(() => senderOf({ ...extensionPage(), id: 'other' }, extension)).toThrow(
      /another extension/,
    );
    expect(() => senderOf({ id: extension.id, url: PAGE }, extension)).toThrow(/unknown sender/);
    expect(() => senderOf({ id: extension.id }, extension)).toThrow(/unknown sender/);
  });

  it('a page may send only the commands that say so', () => {
    const forPages = Object.entries(COMMANDS)
      .filter(([, c]) => (c.from as readonly string[]).includes('page'))
      .map(([name]) => name)
      .sort();
    expect(forPages).toEqual([
      'activeTime',
      'correctTags',
      'findItems',
      'markStudied',
      'notLearningPage',
      'openChip',
      'pageSignals',
      'undo',
    ]);
  });

  it('every command a page may send is about its own page or the sender itself', () => {
    for (const [name, c] of Object.entries(COMMANDS)) {
      if (!(c.from as readonly string[]).includes('page')) continue;
      expect(c.subjectUrl !== undefined || name === 'undo', name).toBe(true);
    }
  });

  it('answers a message that is not a Levelmate command with a refusal, not a crash', async () => {
    const h = await harness();
    expect(await answer(h.runner, { hello: 1 }, extensionPage(), extension)).toEqual({
      ok: false,
      error: 'not a Levelmate message',
    });
  });
});

describe('messages from content scripts', () => {
  it('records a recognised page and answers with the verdict for the chip and badge', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const verdict = await sendToBackground('pageSignals', signals(PAGE));
    expect(verdict).toEqual({
      resource: { id: 'eventually-consistent', title: 'Eventually Consistent' },
      items: [{ id: 'quorum-n-w-r-tuning', level: 6, short: 'Quorums: N, W and R' }],
      countsFor: 'Counts for: Quorums: N, W and R (L6)',
      recorded: true,
      skipped: null,
      studiedBefore: false,
      showChip: true,
      // Offered if the person says the item is wrong: the same topics, the nearest levels.
      alternatives: expect.arrayContaining([
        { id: 'replication-topologies', level: 6, short: expect.any(String) },
      ]),
    });
    expect(await visitCount(h.db)).toBe(1);
    expect(badge).toHaveBeenCalledWith({ tabId: 7, text: 'L6' });
  });

  it('records nothing for an unrecognised page', async () => {
    const h = await harness();
    h.sendAs(pageTab('https://example.org/'));
    const verdict = await sendToBackground('pageSignals', signals('https://example.org/'));
    expect(verdict.resource).toBeNull();
    expect(await visitCount(h.db)).toBe(0);
  });

  it('never records a private window, even on a recognised page', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE, 7, true));
    const verdict = await sendToBackground('pageSignals', signals(PAGE));
    expect(verdict).toMatchObject({ recorded: false, skipped: 'incognito', showChip: false });
    await expect(sendToBackground('markStudied', { url: PAGE, title: 'x' })).rejects.toThrow(
      /private windows/,
    );
    expect(await snapshot(h.db)).toMatchObject({ visitDays: [], urlChoices: [], itemStates: [] });
  });

  it("the chip's Undo works: what Mark studied changed is taken back, from the page itself", async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    await sendToBackground('pageSignals', signals(PAGE));
    const outcome = await sendToBackground('markStudied', { url: PAGE, title: 'EC' });
    expect(outcome.started.map((i) => i.id)).toEqual(['quorum-n-w-r-tuning']);
    expect(await state(h, 'quorum-n-w-r-tuning')).toBe('learning');
    await sendToBackground('undo', { undo: outcome.undo });
    expect(await state(h, 'quorum-n-w-r-tuning')).toBe('not-started');
    // The visit recorded on arrival stays; only what Mark studied added is gone.
    expect(await visitCount(h.db)).toBe(1);
  });

  it('a page cannot undo what was marked on another site', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    const outcome = await sendToBackground('markStudied', { url: PAGE, title: 'EC' });
    h.sendAs(pageTab('https://evil.example/'));
    await expect(sendToBackground('undo', { undo: outcome.undo })).rejects.toThrow(
      /nothing to undo/,
    );
    expect(await state(h, 'quorum-n-w-r-tuning')).toBe('learning');
  });

  it('after reading for an hour, "Mark studied" tags the same visit, not a second one', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    await sendToBackground('pageSignals', signals(PAGE));
    // The content script reports reading every two minutes for an hour.
    for (let minute = 2; minute <= 60; minute += 2) {
      clock = T + minute * 60_000;
      await sendToBackground('activeTime', { url: PAGE, ms: 120_000 });
    }
    await sendToBackground('markStudied', { url: PAGE, title: 'EC' });
    expect(await visitCount(h.db)).toBe(1);
    expect((await h.db.activity.toArray()).map((a) => a.studyVisits)).toEqual([1]);
  });

  it('never credits more reading time than has passed since the visit began', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    await sendToBackground('pageSignals', signals(PAGE));
    clock = T + 1_000;
    for (let i = 0; i < 3; i++) await sendToBackground('activeTime', { url: PAGE, ms: 3_600_000 });
    const [day] = await h.db.visitDays.toArray();
    expect(day!.visits[0]!.activeMs).toBe(1_000);
  });

  const forged: [string, string, unknown, ReturnType<typeof pageTab>][] = [
    [
      'a page reporting another page',
      'pageSignals',
      signals(PAGE),
      pageTab('https://evil.example/'),
    ],
    [
      'a page changing item states',
      'setItemState',
      { guideId: GUIDE, itemId: 'quorum-n-w-r-tuning', state: 'done' },
      pageTab(PAGE),
    ],
    ['a page asking for a backup', 'exportBackup', {}, pageTab(PAGE)],
    ['a page importing a backup', 'importBackup', { text: '{}', mode: 'replace' }, pageTab(PAGE)],
    ['a page running a sync merge', 'mergeSync', {}, pageTab(PAGE)],
    ['a page deleting everything', 'deleteEverything', {}, pageTab(PAGE)],
    ['a title of 100 KB', 'pageSignals', signals(PAGE, '<script>'.repeat(12_800)), pageTab(PAGE)],
    [
      'extra identifiers',
      'pageSignals',
      { ...signals(PAGE), dois: Array(500).fill('10.1/x') },
      pageTab(PAGE),
    ],
    ['a missing field', 'pageSignals', { url: PAGE }, pageTab(PAGE)],
    ['a wrong type', 'activeTime', { url: PAGE, ms: '999999999' }, pageTab(PAGE)],
    ['a negative active time', 'activeTime', { url: PAGE, ms: -5 }, pageTab(PAGE)],
    ['not an object', 'pageSignals', 'hello', pageTab(PAGE)],
    [
      'a javascript: URL',
      'pageSignals',
      signals('javascript:alert(1)'),
      pageTab('javascript:alert(1)'),
    ],
    ['an unknown command', 'dropTables', {}, pageTab(PAGE)],
    ['a prototype key as a command', '__proto__', {}, extensionPage()],
    ['the background-only merge from the side panel', 'mergeSync', {}, extensionPage()],
  ];

  it.each(forged)('refuses %s and stores nothing', async (_name, type, data, sender) => {
    const h = await harness();
    await sendToBackground('pageSignals', signals(PAGE)).catch(() => undefined);
    const before = await snapshot(h.db);
    h.sendAs(sender);
    await expect(request(type as 'exportBackup', data as never)).rejects.toThrow();
    expect(await snapshot(h.db)).toEqual(before);
  });
});

describe("messages from the extension's pages", () => {
  it('refuses a malformed message with words that say what is wrong, and where', async () => {
    const h = await harness();
    const forged = { guideId: GUIDE, itemId: 'x', state: 'finished' } as never;
    const refusal = request('setItemState', forged);
    await expect(refusal).rejects.toThrow(/malformed "setItemState" message/);
    await expect(refusal).rejects.toThrow(/Invalid option: expected one of .*"done"/);
    await expect(refusal).rejects.toThrow(/at state/);
    expect(await h.db.itemStates.count()).toBe(0);
  });

  it('refuses a check-off of an item the guide does not have', async () => {
    const h = await harness();
    await expect(
      request('setItemState', { guideId: GUIDE, itemId: 'no-such-item', state: 'done' }),
    ).rejects.toThrow(/unknown item/);
    expect(await h.db.itemStates.count()).toBe(0);
  });

  it('"mark studied" from the popup moves only not-started items to learning, and undoes', async () => {
    const h = await harness({
      ...eventuallyConsistent,
      items: [
        { id: 'replication-topologies', level: 6 },
        { id: 'quorum-n-w-r-tuning', level: 6 },
      ],
    });
    await request('setItemState', {
      guideId: GUIDE,
      itemId: 'replication-topologies',
      state: 'done',
    });
    const outcome = await request('markStudied', { url: PAGE, title: 'EC' });
    expect(outcome.started).toEqual([
      { id: 'quorum-n-w-r-tuning', level: 6, short: 'Quorums: N, W and R' },
    ]);
    expect(await visitCount(h.db)).toBe(1);
    expect(await state(h, 'quorum-n-w-r-tuning')).toBe('learning');
    expect(await state(h, 'replication-topologies')).toBe('done');

    await request('undo', { undo: outcome.undo });
    expect(await state(h, 'quorum-n-w-r-tuning')).toBe('not-started');
    expect(await state(h, 'replication-topologies')).toBe('done');
    expect(await visitCount(h.db)).toBe(0);
    await expect(request('undo', { undo: outcome.undo })).rejects.toThrow(/nothing to undo/);
  });

  it('"mark studied" is one transaction: if it fails, nothing of it is kept', async () => {
    const h = await harness();
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('no randomness today');
    });
    await expect(request('markStudied', { url: PAGE, title: 'EC' })).rejects.toThrow(/randomness/);
    expect(await visitCount(h.db)).toBe(0);
    expect(await h.db.itemStates.count()).toBe(0);
  });

  it('"mark studied" uses the recognition the page itself reported, metadata included', async () => {
    const recognise = vi.fn(async (s: { isbns: string[] }) =>
      s.isbns.length > 0 ? eventuallyConsistent : null,
    );
    const h = await startHarness({ db: freshDb(), recognise, now: () => T });
    const library = 'https://library.example.edu/record/ddia';
    h.sendAs(pageTab(library));
    await sendToBackground('pageSignals', {
      url: library,
      title: 'A record',
      dois: [],
      isbns: ['9781449373320'],
    });
    h.sendAs(extensionPage('popup.html'));
    const info = await request('recognisePage', { url: library, title: 'A record', tabId: 7 });
    expect(info.resource?.id).toBe('eventually-consistent');
    h.sendAs(pageTab(library));
    const outcome = await sendToBackground('markStudied', { url: library, title: 'A record' });
    expect(outcome.started.map((i) => i.id)).toEqual(['quorum-n-w-r-tuning']);
    // Recognised once: the address alone was never asked again.
    expect(recognise).toHaveBeenCalledTimes(1);
  });

  it('"mark studied" records nothing on an excluded site or while paused, and says why', async () => {
    const h = await harness();
    await request('addExcludedSite', { site: 'acm.org' });
    await expect(request('markStudied', { url: PAGE, title: 'EC' })).rejects.toThrow(
      /this site is excluded/,
    );
    await request('removeExcludedSite', { site: 'acm.org' });
    await request('updateSettings', { pausedUntil: T + 60_000 });
    await expect(request('markStudied', { url: PAGE, title: 'EC' })).rejects.toThrow(/paused/);
    expect(await visitCount(h.db)).toBe(0);
    expect(await h.db.itemStates.count()).toBe(0);
  });

  it('"mark studied" refuses a page that counts for no item', async () => {
    const h = await harness({ ...eventuallyConsistent, items: [], reason: { by: 'none' } });
    await expect(request('markStudied', { url: PAGE, title: 'EC' })).rejects.toThrow(
      /counts for no checklist item/,
    );
    expect(await visitCount(h.db)).toBe(0);
  });

  it('a settings change that saved but whose browser follow-up failed is saved, and says so', async () => {
    const h = await harness();
    h.scripting.registered.clear();
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockRejectedValue(
      new Error('registry unavailable'),
    );
    await request('updateSettings', { recogniseAnySite: true });
    expect((await h.db.settings.get('settings'))?.recogniseAnySite).toBe(true);
    expect(h.scripts.problem()).toMatch(/registry unavailable/);
  });

  it('"not a learning page" clears what the toolbar button claims for the tab, title included', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    await sendToBackground('pageSignals', signals(PAGE));
    const title = vi.spyOn(fakeBrowser.action, 'setTitle');
    h.sendAs(extensionPage('popup.html'));
    await request('notLearningPage', { url: PAGE, tabId: 7 });
    expect(title).toHaveBeenLastCalledWith({ tabId: 7, title: 'Levelmate' });
    expect(await visitCount(h.db)).toBe(0);
  });

  it('adds an excluded site from what a person types, and refuses nonsense', async () => {
    const h = await harness();
    await request('addExcludedSite', { site: 'https://www.Reddit.com/r/x' });
    expect((await h.db.settings.get('settings'))?.excludedSites).toEqual(['reddit.com']);
    await expect(request('addExcludedSite', { site: 'not a site' })).rejects.toThrow(
      /not a site name/,
    );
  });

  it('answers what the popup shows for a page', async () => {
    const h = await harness();
    h.sendAs(pageTab(PAGE));
    await sendToBackground('pageSignals', signals(PAGE));
    h.sendAs(extensionPage('popup.html'));
    expect(await request('recognisePage', { url: PAGE, title: '' })).toEqual({
      url: PAGE,
      resource: { id: 'eventually-consistent', title: 'Eventually Consistent', kind: 'paper' },
      items: [{ id: 'quorum-n-w-r-tuning', level: 6, short: 'Quorums: N, W and R' }],
      reason: { by: 'resource' },
      studied: true,
      skipped: null,
      // A learning site the person has not allowed yet: the popup offers to allow it.
      siteAccess: { state: 'needed', origin: '*://*.queue.acm.org/*' },
    });
  });

  it("tells the popup a known page is not recorded when the person's choices say so", async () => {
    await harness();
    await request('updateSettings', { pausedUntil: T + 60_000 });
    expect((await request('recognisePage', { url: PAGE, title: '' })).skipped).toBe('paused');
    await request('updateSettings', { pausedUntil: null });
    await request('addExcludedSite', { site: 'acm.org' });
    expect((await request('recognisePage', { url: PAGE, title: '' })).skipped).toBe('excluded');
  });
});

describe('granting a learning site', () => {
  it('recognises the tabs already open on it at once, not at their next load', async () => {
    const h = await harness();
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    await fakeBrowser.permissions.request({ origins: ['*://*.acm.org/*'] });
    await vi.waitFor(() =>
      expect(h.scripting.injected).toEqual([{ tabId: tab.id, files: ['learning-page.js'] }]),
    );
  });
});

describe('a full disk', () => {
  it('says so in words, keeps nothing half-written, and works again once space is freed', async () => {
    const h = await harness();
    const full = new Dexie.DexieError('AbortError', 'Transaction aborted');
    (full as { inner?: unknown }).inner = new DOMException('quota', 'QuotaExceededError');
    const put = vi.spyOn(h.db.itemStates, 'put').mockRejectedValue(full);
    await expect(
      request('setNote', { guideId: GUIDE, itemId: 'quorum-n-w-r-tuning', note: 'typed' }),
    ).rejects.toThrow(/Your disk is full; nothing new is saved until space is freed/);
    expect(await h.db.itemStates.count()).toBe(0);
    // The browser then closes the database under the worker; space is freed meanwhile.
    put.mockRestore();
    h.db.close();
    await request('setNote', { guideId: GUIDE, itemId: 'quorum-n-w-r-tuning', note: 'typed' });
    expect((await h.db.itemStates.get([GUIDE, 'quorum-n-w-r-tuning']))?.note).toBe('typed');
  });
});

describe('the toolbar button', () => {
  it('keeps the paused mark when a pause begins while a woken worker is still starting', async () => {
    // The start-up follow-ups take a moment: the browser is slow to list the grants.
    const getAll = fakeBrowser.permissions.getAll.bind(fakeBrowser.permissions);
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return getAll();
    });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await harness();
    await request('updateSettings', { pausedUntil: T + 3_600_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const global = badge.mock.calls.map(([details]) => details).filter((d) => !('tabId' in d));
    expect(global.length).toBeGreaterThanOrEqual(2);
    expect(global.at(-1)).toEqual({ text: 'II' });
  });
});

describe('a worker woken by a page', () => {
  it('recognises the page while its start-up work runs, and writes only after it', async () => {
    const db = freshDb();
    const recognise = vi.fn(async () => eventuallyConsistent);
    const runner = createRunner(COMMANDS, {
      db,
      now: () => T,
      env: { guides: GUIDES, recognise, services: {} as never },
    });
    let startUpDone = () => undefined as void;
    const startUp = new Promise<void>((resolve) => (startUpDone = resolve));
    const sender = { kind: 'page' as const, tabId: 3, url: PAGE, incognito: false };
    const ran = runner.run('pageSignals', signals(PAGE), sender, startUp);
    await vi.waitFor(() => expect(recognise).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await visitCount(db)).toBe(0);
    startUpDone();
    await ran;
    expect(await visitCount(db)).toBe(1);
  });
});
