import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, READ_VISITS, type AddonPage, type Firefox } from './firefox';
import { pageHtml } from './extension';

interface Visit {
  url: string;
  resourceId: string | null;
  itemIds: string[];
}

const CHAPTER =
  'http://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html';

let firefox: Firefox;
let panel: AddonPage;

beforeAll(async () => {
  firefox = await launchFirefox();
  panel = await firefox.openAddonPage('sidepanel.html');
}, 60_000);

afterAll(async () => {
  await firefox?.close();
});

describe('the Firefox build in real Firefox', () => {
  it('shows the checklist in its sidebar page, and a check-off survives a reload', async () => {
    await panel.until('document.querySelectorAll("input[type=checkbox]").length >= 13');
    const first = await panel.run<string>(
      'document.querySelector("input[type=checkbox]").closest("li").querySelector("label").textContent',
    );
    expect(first).toMatch(/^I can /);
    await panel.run('document.querySelector("input[type=checkbox]").click()');
    await panel.until('document.querySelector("input[type=checkbox]").checked');
    await new Promise((r) => setTimeout(r, 500));
    await panel.reload();
    await panel.until('document.querySelectorAll("input[type=checkbox]").length >= 13');
    await panel.until('document.querySelector("input[type=checkbox]").checked');
  });

  it('asks for the learning sites, and recognises nothing before they are granted', async () => {
    await panel.until(
      '[...document.querySelectorAll("button")].some((b) => /^Allow on \\d+ learning sites$/.test(b.textContent))',
    );
    firefox.serve(
      CHAPTER,
      pageHtml('7. Transactions - Designing Data-Intensive Applications [Book]'),
    );
    const page = await firefox.openWebPage(CHAPTER);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await panel.run<Visit[]>(READ_VISITS)).toEqual([]);
    await page.close();
  });

  it('once a site is granted, recognises the tab already open on it, without a reload', async () => {
    const page = await firefox.openWebPage(CHAPTER);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await panel.run<Visit[]>(READ_VISITS)).toEqual([]);
    await firefox.grant(['*://*.oreilly.com/*']);
    // The banner now offers only the sites not granted yet.
    await panel.until(
      'document.body.textContent.includes("more learning sites can be recognised")',
    );
    const start = Date.now();
    let visits: Visit[] = [];
    while (visits.length === 0 && Date.now() - start < 8000) {
      await new Promise((r) => setTimeout(r, 200));
      visits = await panel.run<Visit[]>(READ_VISITS);
    }
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ url: CHAPTER, resourceId: 'ddia' });
    expect([...visits[0]!.itemIds].sort()).toEqual(
      ['acid-isolation-levels', 'optimistic-pessimistic-locking'].sort(),
    );
    await page.close();
  });

  it('opens its popup page with the current level and quick check-offs', async () => {
    const popup = await firefox.openAddonPage('popup.html');
    await popup.until(
      '[...document.querySelectorAll("h2")].some((h) => h.textContent === "Quick check-offs")',
    );
    await popup.until('document.querySelectorAll("input[type=checkbox]").length > 0');
  });

  it('asked no host for anything but the served pages', () => {
    expect(firefox.hostsAskedFor()).toEqual([]);
  });
});
