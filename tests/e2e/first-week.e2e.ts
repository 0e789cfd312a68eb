import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  launchExtension,
  learningSiteOrigins,
  openPopupOver,
  pageHtml,
  putRows,
  readTable,
  readVisits,
  serve,
  type Extension,
} from './extension';

/*
 * A new user's first week, in real Chromium: an experienced engineer places themselves, studies
 * a dozen learning pages and passes a few pages that are not, tells the popup one page does not
 * count, and comes back eight days later. No surface may show an error after an action that
 * worked, and the review that day holds no more than a day's share.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const DAY = 86_400_000;

interface Rule {
  id: string;
  title: string;
  items?: string[];
  examples?: { url: string }[];
}

/** A dozen focused resources (one article, one RFC, one talk) on the learning sites. */
function learningPages(): { url: string; title: string }[] {
  const hosts = learningSiteOrigins().map((o) => o.replace('*://*.', '').replace('/*', ''));
  const onSite = (url: string) => {
    const host = new URL(url).hostname;
    return hosts.some((h) => host === h || host.endsWith(`.${h}`));
  };
  const rules = readdirSync(join(ROOT, 'data/rules'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap(
      (f) =>
        (JSON.parse(readFileSync(join(ROOT, 'data/rules', f), 'utf8')) as { resources: Rule[] })
          .resources,
    );
  return rules
    .filter((r) => (r.items?.length ?? 0) > 0 && r.examples?.[0] && onSite(r.examples[0].url))
    .filter((r, i, all) => all.findIndex((o) => o.items![0] === r.items![0]) === i)
    .filter((_, i) => i % 5 === 0)
    .slice(0, 12)
    .map((r) => ({ url: r.examples![0]!.url, title: r.title }));
}

/** Pages on learning sites that are not learning pages. */
const NOT_LEARNING = [
  ['https://www.postgresql.org/download/', 'PostgreSQL: Downloads'],
  ['https://github.com/login', 'Sign in to GitHub · GitHub'],
  ['https://redis.io/pricing/', 'Pricing | Redis'],
  ['https://kubernetes.io/releases/', 'Releases | Kubernetes'],
  ['https://developer.mozilla.org/en-US/search?q=fetch', 'Search | MDN'],
] as const;

let ext: Extension;
let panel: Page;
const pages = learningPages();

/** Errors the side panel shows (the notices area and any alert), as text. */
const shownErrors = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.notice:not(.notice-undo), [role=alert]')]
      .map((e) => e.textContent?.trim() ?? '')
      .filter(Boolean),
  );

beforeAll(async () => {
  ext = await launchExtension(undefined, { grant: 'learning-sites' });
  for (const { url, title } of pages) await serve(ext, url, pageHtml(title));
  for (const [url, title] of NOT_LEARNING) await serve(ext, url, pageHtml(title));
  panel = await ext.open('sidepanel', 400);
}, 60_000);

afterAll(async () => {
  await ext?.close();
});

describe("a new user's first week", () => {
  it('places themselves as an experienced engineer, with no error shown', async () => {
    expect(pages).toHaveLength(12);
    await panel.getByRole('button', { name: /^Place yourself/ }).click();
    const walk = () => panel.getByRole('region', { name: /^Level \d/ });
    for (let n = 0; n < 3; n++)
      await walk().getByRole('button', { name: 'I can do all of this' }).click();
    await walk().getByRole('button', { name: 'Most of it' }).click();
    await walk().getByRole('button', { name: 'Continue' }).click();
    await walk().getByRole('button', { name: 'Some of it' }).click();
    await panel.getByRole('tab', { name: /^Level 5 · /, selected: true }).waitFor();
    const placed = (
      await readTable<{ state: string; placed?: boolean }>(panel, 'itemStates')
    ).filter((s) => s.state === 'done' && s.placed);
    expect(placed.length).toBeGreaterThan(40);
    expect(await shownErrors(panel)).toEqual([]);
  });

  it('studies a dozen learning pages, and the pages that are not stay unrecorded', async () => {
    for (const { url } of [...pages, ...NOT_LEARNING.map(([url]) => ({ url }))]) {
      const tab = await ext.context.newPage();
      await tab.goto(url);
      await tab.waitForTimeout(700);
      await tab.close();
    }
    const visits = await eventually(
      () => readVisits(panel),
      (all) => all.length >= pages.length,
    );
    expect(visits.map((v) => v.url).sort()).toEqual(pages.map((p) => p.url).sort());
    expect(await shownErrors(panel)).toEqual([]);
  });

  it('tells the popup a page does not count: it says so, offers Undo, and shows no error', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(pages[0]!.url);
    await tab.waitForTimeout(700);
    const popup = await openPopupOver(ext, tab);
    await eventually(
      () => popup.evaluate<string>('document.body.innerText'),
      (text) => text.includes('Not a learning page'),
    );
    await popup.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Not a learning page').click()`,
    );
    const said = await eventually(
      () => popup.evaluate<string>('document.body.innerText'),
      (text) => text.includes('Got it: this page no longer counts.'),
    );
    expect(said).toContain('Undo');
    expect(said).not.toMatch(/Could not|Error/);
    await popup.close();
    await tab.close();
    await eventually(
      () => readVisits(panel),
      (all) => !all.some((v) => v.url === pages[0]!.url),
    );
    expect(await shownErrors(panel)).toEqual([]);
  });

  it('comes back eight days later to a day’s share of reviews, not every placed item', async () => {
    // Eight days pass: every time the extension stored moves eight days back.
    const states = await readTable<Record<string, unknown>>(panel, 'itemStates');
    const back = (t: unknown) => (typeof t === 'number' ? t - 8 * DAY : t);
    await putRows(
      panel,
      'itemStates',
      states.map((s) => ({
        ...s,
        updatedAt: back(s.updatedAt),
        stateAt: back(s.stateAt),
        doneAt: back(s.doneAt),
        ...(s.review
          ? { review: { ...(s.review as object), due: back((s.review as { due: number }).due) } }
          : {}),
      })),
    );
    await panel.reload();
    const nav = panel.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('button', { name: /^Review/ }).click();
    const list = panel.getByRole('region', { name: 'Due for review' });
    await list.waitFor();
    const due = await list.getByRole('listitem').count();
    // Placed items come back a few a day from the seventh day; at most ten are shown a day.
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThanOrEqual(10);
    expect(await shownErrors(panel)).toEqual([]);
  });
});
