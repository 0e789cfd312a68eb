import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chipCount,
  chipText,
  clickInChip,
  eventually,
  launchExtension,
  pageHtml,
  readTable,
  readVisits,
  serve,
  type Extension,
  type StoredVisit,
} from './extension';

type Visit = StoredVisit;

const DDIA = 'https://dataintensive.net/';
const DDIA_CHAPTER =
  'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html';
const EVENTUALLY_CONSISTENT = 'https://queue.acm.org/detail.cfm?id=1466448';
const HTTP_METHODS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods';
/** A page no other test here visits first, so its first visit shows the chip. */
const QUORUM_PAGE =
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cache-Control';

let ext: Extension;
let panel: Page;
const visits = () => readVisits(panel);

/** Content-script worlds of our extension in a page, as Chromium reports them. */
async function ourScriptWorlds(page: Page): Promise<number> {
  const session = await ext.context.newCDPSession(page);
  const worlds: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    if (
      context.origin === `chrome-extension://${ext.id}` ||
      context.name === 'Levelmate — study companion for skill guides'
    ) {
      worlds.push(context.name);
    }
  });
  await session.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 300));
  await session.detach();
  return worlds.length;
}

async function badgeOfActiveTab(): Promise<{ text: string; title: string }> {
  return ext.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return {
      text: await api.action.getBadgeText({ tabId: tab!.id! }),
      title: await api.action.getTitle({ tabId: tab!.id! }),
    };
  });
}

beforeAll(async () => {
  ext = await launchExtension(undefined, { grant: 'learning-sites' });
  await serve(ext, DDIA, pageHtml('Designing Data-Intensive Applications'));
  await serve(
    ext,
    DDIA_CHAPTER,
    pageHtml('7. Transactions - Designing Data-Intensive Applications [Book]'),
  );
  await serve(
    ext,
    EVENTUALLY_CONSISTENT,
    pageHtml(
      'Eventually Consistent - ACM Queue',
      '<meta name="citation_doi" content="10.1145/1466443.1466448">',
    ),
  );
  // The page's own words, as MDN serves them: its description and headings.
  await serve(
    ext,
    HTTP_METHODS,
    pageHtml(
      'HTTP request methods - HTTP | MDN',
      '<meta name="description" content="HTTP defines a set of request methods to indicate the purpose of the request and what is expected if the request is successful.">',
      '<main><h1>HTTP request methods</h1><h2>Safe, idempotent, and cacheable request methods</h2><p>Text.</p></main>',
    ),
  );
  await serve(ext, 'https://example.org/', pageHtml('Example Domain'));
  await serve(ext, QUORUM_PAGE, pageHtml('Cache-Control header - HTTP | MDN'));
  await serve(
    ext,
    'https://dataintensive.net.evil.com/',
    pageHtml('Designing Data-Intensive Applications'),
  );
  panel = await ext.open('sidepanel');
});

afterAll(async () => {
  await ext?.close();
});

describe('auto-tagging study visits', () => {
  it.each([
    [
      "a chapter of DDIA, to its chapter's items only",
      DDIA_CHAPTER,
      'ddia',
      ['acid-isolation-levels', 'optimistic-pessimistic-locking'],
    ],
    [
      'an HTTP reference page',
      HTTP_METHODS,
      'mdn-http-methods',
      ['http-methods-crud-mapping', 'http-safe-idempotent-methods'],
    ],
  ])(
    'records one visit to %s, says why, and sets the badge',
    async (_name, url, resourceId, items) => {
      const page = await ext.context.newPage();
      await page.goto(url);
      const recorded = await eventually(visits, (all) => all.some((v) => v.url === url));
      const visit = recorded.filter((v) => v.url === url);
      expect(visit).toHaveLength(1);
      expect(visit[0]!.resourceId).toBe(resourceId);
      expect([...visit[0]!.itemIds].sort()).toEqual([...items].sort());
      expect(Object.keys(visit[0]!.why ?? {}).sort()).toEqual([...items].sort());
      const badge = await eventually(badgeOfActiveTab, (b) => b.text !== '');
      expect(badge.text).toMatch(/^L\d$/);
      expect(badge.title).toContain('Learning resource');
      await page.close();
    },
  );

  it("records a multi-topic resource's landing page under the resource, tagged to nothing", async () => {
    const page = await ext.context.newPage();
    await page.goto(DDIA);
    const recorded = await eventually(visits, (all) => all.some((v) => v.url === DDIA));
    expect(recorded.find((v) => v.url === DDIA)).toMatchObject({ resourceId: 'ddia', itemIds: [] });
    const badge = await eventually(badgeOfActiveTab, (b) => b.text !== '');
    expect(badge.title).toContain('counts for no checklist item');
    await page.close();
  });

  it('records the Eventually Consistent article, recognised by its address and DOI', async () => {
    const page = await ext.context.newPage();
    await page.goto(EVENTUALLY_CONSISTENT);
    const recorded = await eventually(visits, (all) =>
      all.some((v) => v.resourceId === 'eventually-consistent'),
    );
    expect(recorded.find((v) => v.resourceId === 'eventually-consistent')!.itemIds).toContain(
      'consistency-guarantee-spectrum',
    );
    await page.close();
  });

  it('adds a second visit within 30 minutes to the first, and the badge says "studied"', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${DDIA}#chapter-5`);
    const all = await eventually(visits, (v) => v.find((x) => x.url === DDIA)?.count === 2);
    expect(all.filter((v) => v.url === DDIA)).toHaveLength(1);
    expect((await eventually(badgeOfActiveTab, (b) => b.text !== '')).text).toBe('✓');
    await page.close();
  });

  it('runs no code and records nothing on an unrelated page or a lookalike host', async () => {
    const before = (await visits()).length;
    for (const url of ['https://example.org/', 'https://dataintensive.net.evil.com/']) {
      const page = await ext.context.newPage();
      await page.goto(url);
      expect(await ourScriptWorlds(page)).toBe(0);
      expect(await chipCount(page)).toBe(0);
      await page.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await visits()).toHaveLength(before);
  });

  it('runs its content script on a learning page (so the check above can fail)', async () => {
    const page = await ext.context.newPage();
    await page.goto(HTTP_METHODS);
    expect(await ourScriptWorlds(page)).toBeGreaterThan(0);
    await page.close();
  });

  it("shows the in-page chip on a page's first visit, and its Undo takes Mark studied back", async () => {
    const page = await ext.context.newPage();
    await page.goto(QUORUM_PAGE);
    await eventually(
      () => chipCount(page),
      (n) => n === 1,
    );
    expect(await chipText(page)).toContain('Counts for:');
    await clickInChip(page, 'Mark studied');
    const states = async () =>
      (await readTable<{ itemId: string; state: string }>(panel, 'itemStates'))
        .filter((row) => row.state !== 'not-started')
        .map((row) => row.itemId);
    const learning = await eventually(states, (ids) => ids.length > 0);
    expect(await chipText(page)).toContain('Marked studied');
    await clickInChip(page, 'Undo');
    await eventually(states, (ids) => ids.length < learning.length);
    expect(await states()).toEqual([]);
    // A reload within the session is not a first visit: no chip.
    await page.reload();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await chipCount(page)).toBe(0);
    await page.close();
  });

  it('follows in-page navigation on a single-page site', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://example.org/');
    await page.goto(HTTP_METHODS);
    await page.evaluate(() => history.pushState({}, '', '/en-US/docs/Web/HTTP/Reference/Headers'));
    const all = await eventually(visits, (v) => v.some((x) => x.resourceId === 'mdn-http-headers'));
    expect(all.find((x) => x.resourceId === 'mdn-http-headers')!.url).toBe(
      'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers',
    );
    await page.close();
  });

  it('loses nothing when the service worker is stopped between visits', async () => {
    const before = await visits();
    const countOf = (all: Visit[]) =>
      all.find((x) => x.resourceId === 'mdn-http-methods')?.count ?? 0;
    const page = await ext.context.newPage();
    const session = await ext.context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await page.goto(HTTP_METHODS);
    // The restarted worker finds the session in the database and adds to it.
    const after = await eventually(visits, (v) => countOf(v) === countOf(before) + 1);
    expect(after).toHaveLength(before.length);
    for (const visit of before) expect(after.find((v) => v.id === visit.id)).toBeDefined();
    await page.close();
  });

  it('stores a 100 KB hostile title capped, as text', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(1)</script>'.repeat(2000);
    const url = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status';
    await serve(ext, url, pageHtml(hostile));
    const page = await ext.context.newPage();
    await page.goto(url);
    const all = await eventually(visits, (v) =>
      v.some((x) => x.resourceId === 'mdn-http-status-codes'),
    );
    const title = all.find((x) => x.resourceId === 'mdn-http-status-codes')!.title;
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    await page.close();
  });

  it('asked no host for anything but the routed pages, from the browser start', () => {
    expect(ext.escapedRequests).toEqual([]);
    expect(ext.hostsAskedFor()).toEqual([]);
  });
});
