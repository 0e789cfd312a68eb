import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chipCount,
  eventually,
  launchExtension,
  learningSiteOrigins,
  pageHtml,
  readVisits,
  serve,
  type Extension,
} from './extension';

const CHAPTER =
  'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html';
const LANDING = 'https://dataintensive.net/';

let ext: Extension;

async function visit(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

const visits = (page: Page) => readVisits(page);

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

describe('learning sites are asked for, never taken', () => {
  it('asks on first run, in words, for the learning sites, and tags nothing before', async () => {
    const panel = await ext.open('sidepanel');
    const ask = panel.getByRole('complementary', { name: 'Let Levelmate notice what you study' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain(
      'it reads a page’s address, title, headings and description to tag it to your checklist, here in this browser.',
    );
    // One first-run card at a time: the levels and the level's heading are in view at 400 by
    // 800 pixels (two cards pushed them below it).
    const heading = await panel.getByRole('heading', { name: /^Level 1 · / }).boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(800);

    // Every kind of site but the bookstores is offered at first; each kind shows its count.
    const n = learningSiteOrigins().length;
    await ask.getByRole('button', { name: 'Choose sites' }).click();
    const shops = ask.getByRole('checkbox', { name: /^Bookstores and libraries/ });
    expect(await shops.isChecked()).toBe(false);
    const shopCount = Number(/\((\d+)\)/.exec((await shops.locator('..').textContent()) ?? '')![1]);
    expect(shopCount).toBeGreaterThan(0);
    await ask.getByRole('button', { name: `Allow on ${n - shopCount} learning sites` }).waitFor();
    await ask.getByRole('searchbox', { name: 'Find a site' }).fill('postgresql');
    await ask.getByText(/postgresql\.org \(documentation and standards\)/).waitFor();

    await serve(ext, LANDING, pageHtml('Designing Data-Intensive Applications'));
    const page = await visit(LANDING);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await chipCount(page)).toBe(0);
    expect(await visits(panel)).toEqual([]);
    const registered = await ext.worker.evaluate(() =>
      (globalThis as unknown as { chrome: typeof browser }).chrome.scripting
        .getRegisteredContentScripts()
        .then((scripts) => scripts.length),
    );
    expect(registered).toBe(0);
  });

  it('recognises and tags a learning page once its site is granted, and lists it in Settings', async () => {
    ext = await ext.restartGranting(['*://*.oreilly.com/*']);
    await serve(
      ext,
      CHAPTER,
      pageHtml('7. Transactions - Designing Data-Intensive Applications [Book]'),
    );
    const panel = await ext.open('sidepanel');
    await visit(CHAPTER);
    const recorded = await eventually(
      () => visits(panel),
      (all) => all.length === 1,
    );
    expect(recorded[0]).toMatchObject({ url: CHAPTER, resourceId: 'ddia' });
    expect(recorded[0]!.itemIds.sort()).toEqual(
      ['acid-isolation-levels', 'optimistic-pessimistic-locking'].sort(),
    );

    // The other sites are still offered, quietly.
    await panel.getByText(/more learning sites? can be recognised/).waitFor();
    await panel.getByRole('button', { name: 'Settings' }).click();
    const section = panel.getByRole('region', { name: 'Learning sites' });
    await section.getByText(/Levelmate may read 1 of \d+ learning sites/).waitFor();
    await section.getByRole('searchbox', { name: 'Find an allowed site' }).fill('oreilly');
    await section.getByText('oreilly.com', { exact: true }).waitFor();
  });

  it('a site the person did not grant stays untouched', async () => {
    const panel = await ext.open('sidepanel');
    const before = (await visits(panel)).length;
    await serve(ext, LANDING, pageHtml('Designing Data-Intensive Applications'));
    await visit(LANDING);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await visits(panel)).toHaveLength(before);
  });

  it('asked no host for anything, from the browser start', () => {
    expect(ext.hostsAskedFor()).toEqual([]);
    expect(ext.escapedRequests).toEqual([]);
  });
});
