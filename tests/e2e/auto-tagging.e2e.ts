import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  launchExtension,
  pageHtml,
  readTable,
  serve,
  type Extension,
} from './extension';

interface Visit {
  id: number;
  url: string;
  resourceId: string | null;
  itemIds: string[];
  count: number;
  title: string;
}

const rules = ['references.json', 'http-and-apis.json'].flatMap(
  (file) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../../data/rules', file), 'utf8'))
      .resources as {
      id: string;
      items: string[];
    }[],
);
const itemsOf = (id: string) => rules.find((r) => r.id === id)!.items;

const DDIA = 'https://dataintensive.net/';
const EVENTUALLY_CONSISTENT = 'https://queue.acm.org/detail.cfm?id=1466448';
const HTTP_METHODS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods';

let ext: Extension;
let panel: Page;
const visits = () => readTable<Visit>(panel, 'visits');

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
  ext = await launchExtension();
  await serve(ext, DDIA, pageHtml('Designing Data-Intensive Applications'));
  await serve(
    ext,
    EVENTUALLY_CONSISTENT,
    pageHtml(
      'Eventually Consistent - ACM Queue',
      '<meta name="citation_doi" content="10.1145/1466443.1466448">',
    ),
  );
  await serve(ext, HTTP_METHODS, pageHtml('HTTP request methods - HTTP | MDN'));
  await serve(ext, 'https://example.org/', pageHtml('Example Domain'));
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
    ['the DDIA site', DDIA, 'ddia'],
    ['the Eventually Consistent article', EVENTUALLY_CONSISTENT, 'eventually-consistent'],
    ['an HTTP reference page', HTTP_METHODS, 'mdn-http-methods'],
  ])('records one tagged visit to %s and sets the badge', async (_name, url, resourceId) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    const recorded = await eventually(visits, (all) =>
      all.some((v) => v.resourceId === resourceId),
    );
    const visit = recorded.filter((v) => v.resourceId === resourceId);
    expect(visit).toHaveLength(1);
    expect(visit[0]!.itemIds).toEqual(itemsOf(resourceId));
    expect(visit[0]!.itemIds.length).toBeGreaterThan(0);
    const badge = await eventually(badgeOfActiveTab, (b) => b.text !== '');
    expect(badge.text).toMatch(/^L\d$/);
    expect(badge.title).toContain('Learning resource');
    await page.close();
  });

  it('adds a second visit within 30 minutes to the first, and the badge says "studied"', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${DDIA}#chapter-5`);
    const all = await eventually(
      visits,
      (v) => v.find((x) => x.resourceId === 'ddia')?.count === 2,
    );
    expect(all.filter((v) => v.resourceId === 'ddia')).toHaveLength(1);
    expect((await eventually(badgeOfActiveTab, (b) => b.text !== '')).text).toBe('✓');
    await page.close();
  });

  it('runs no code and records nothing on an unrelated page or a lookalike host', async () => {
    const before = (await visits()).length;
    for (const url of ['https://example.org/', 'https://dataintensive.net.evil.com/']) {
      const page = await ext.context.newPage();
      await page.goto(url);
      expect(await ourScriptWorlds(page)).toBe(0);
      expect(await page.locator('levelmate-chip').count()).toBe(0);
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

  it('shows the in-page chip, once', async () => {
    const page = await ext.context.newPage();
    await page.goto(EVENTUALLY_CONSISTENT);
    const chip = page.locator('levelmate-chip');
    await chip.waitFor({ state: 'attached' });
    expect(await chip.count()).toBe(1);
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

  it('sent no request anywhere but the routed pages', () => {
    expect(ext.escapedRequests).toEqual([]);
  });
});
