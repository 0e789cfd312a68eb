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
  readVisits,
  serve,
  type Extension,
  shippedGuide,
} from './extension';

interface Guide {
  title: string;
  levels: { number: number; name: string; items: { id: string; text: string; short: string }[] }[];
}
interface ItemState {
  itemId: string;
  state: string;
  note: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const guide = shippedGuide<Guide>();
const [level1, level2] = guide.levels as [Guide['levels'][0], Guide['levels'][0]];
const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let ext: Extension;
let panel: Page;
const states = () => readTable<ItemState>(panel, 'itemStates');
const stateOf = async (itemId: string) => (await states()).find((s) => s.itemId === itemId);
const checkbox = (page: Page, text: string) =>
  page.getByRole('checkbox', { name: text, exact: true });

/** Serious and critical accessibility violations axe-core finds on a page. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, so the extension's script policy does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  ext = await launchExtension(undefined, { grant: 'learning-sites' });
  panel = await ext.open('sidepanel', 400);
});

afterAll(async () => {
  await ext?.close();
});

describe("a new user's first minutes", () => {
  it('opens the side panel on level 1, with seven named level tabs', async () => {
    await checkbox(panel, level1.items[0]!.text).waitFor();
    expect(await panel.getByRole('heading', { level: 1 }).textContent()).toContain(guide.title);
    for (const level of guide.levels) {
      await panel
        .getByRole('tab', { name: `Level ${level.number} · ${level.name}`, exact: true })
        .waitFor();
    }
    expect(await panel.getByRole('tab').count()).toBe(7);
    const first = panel.getByRole('tab', { name: `Level 1 · ${level1.name}` });
    expect(await first.getAttribute('aria-selected')).toBe('true');
  });

  it('picks a level and sees its checklist', async () => {
    await panel.getByRole('tab', { name: `Level 2 · ${level2.name}` }).click();
    await checkbox(panel, level2.items[0]!.text).waitFor();
    expect(await checkbox(panel, level1.items[0]!.text).count()).toBe(0);
    await panel.getByRole('tab', { name: `Level 1 · ${level1.name}` }).click();
  });

  it('checks an item off, and finds it still checked after a reload', async () => {
    const first = level1.items[0]!;
    await checkbox(panel, first.text).check();
    await eventually(
      () => stateOf(first.id),
      (s) => s?.state === 'done',
    );
    await panel.reload();
    await checkbox(panel, first.text).waitFor();
    expect(await checkbox(panel, first.text).isChecked()).toBe(true);
  });

  it('agrees live with the popup, both ways', async () => {
    const popup = await ext.open('popup', 360);
    await popup.getByRole('heading', { name: 'Quick check-offs' }).waitFor();
    const [, second, third] = level1.items;
    // checked in the side panel, seen checked in the open popup
    await checkbox(panel, second!.text).check();
    await eventually(() => checkbox(popup, second!.short).isChecked(), Boolean);
    // checked in the popup, seen checked in the side panel
    await checkbox(popup, third!.short).check();
    await eventually(() => checkbox(panel, third!.text).isChecked(), Boolean);
    await expect(popup.getByText(/3 of 13 done/).count()).resolves.toBeGreaterThan(0);
    await popup.close();
  });

  it('marks an item as learning with the keyboard', async () => {
    const fourth = level1.items[3]!;
    await checkbox(panel, fourth.text).focus();
    await panel.keyboard.press('l');
    await eventually(
      () => stateOf(fourth.id),
      (s) => s?.state === 'learning',
    );
    await panel.keyboard.press('r');
    await eventually(
      () => stateOf(fourth.id),
      (s) => s?.state === 'not-started',
    );
  });

  it('adds a note that is saved as it is typed', async () => {
    const first = level1.items[0]!;
    await panel.getByRole('button', { name: `Details: ${first.text}` }).click();
    const note = panel.getByRole('textbox', { name: 'Note' });
    await note.fill('Traced a request with curl -v <b>and</b> dig 🎉');
    await eventually(
      () => stateOf(first.id),
      (s) => s?.note === 'Traced a request with curl -v <b>and</b> dig 🎉',
    );
    await panel.reload();
    await panel.getByRole('button', { name: `Details: ${first.text}` }).click();
    expect(await panel.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'Traced a request with curl -v <b>and</b> dig 🎉',
    );
  });

  it('keeps a note typed just before the panel is closed', async () => {
    const second = level1.items[1]!;
    const page = await ext.open('sidepanel', 400);
    await page.getByRole('button', { name: `Details: ${second.text}` }).click();
    await page.getByRole('textbox', { name: 'Note' }).fill('Typed, then closed at once');
    // Closed well inside the 400 ms pause after typing that the autosave waits for.
    await page.close({ runBeforeUnload: true });
    await eventually(
      () => stateOf(second.id),
      (s) => s?.note === 'Typed, then closed at once',
    );
  });
});

describe('studying on the web, seen in the side panel', () => {
  const DDIA = 'https://dataintensive.net/';

  it('shows a recognised visit under "Studied"', async () => {
    await serve(ext, DDIA, pageHtml('Designing Data-Intensive Applications'));
    const page = await ext.context.newPage();
    await page.goto(DDIA);
    await eventually(
      () => readVisits(panel),
      (v) => v.length === 1,
    );
    await page.close();
    await panel
      .getByRole('tab', { name: /Studied/ })
      .or(panel.getByRole('button', { name: /Studied/ }))
      .first()
      .click();
    await panel.getByRole('heading', { name: 'Studied' }).waitFor();
    await panel.getByText('Designing Data-Intensive Applications').first().waitFor();
    await panel.getByRole('heading', { name: 'Activity' }).waitFor();
  });

  it('records nothing while paused, then again after resuming', async () => {
    await panel
      .getByRole('tab', { name: /Settings/ })
      .or(panel.getByRole('button', { name: /Settings/ }))
      .first()
      .click();
    await panel.getByRole('button', { name: 'Pause for 1 hour' }).click();
    await panel.getByRole('main').getByRole('button', { name: 'Resume' }).waitFor();
    const url = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods';
    await serve(ext, url, pageHtml('HTTP request methods'));
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1000);
    expect((await readVisits(panel)).length).toBe(1);
    await panel.getByRole('main').getByRole('button', { name: 'Resume' }).click();
    await page.reload();
    await eventually(
      () => readVisits(panel),
      (v) => v.length === 2,
    );
    await page.close();
  });

  it('records nothing on an excluded site', async () => {
    await panel
      .getByRole('textbox', { name: 'Exclude a site' })
      .fill('https://www.rfc-editor.org/rfc/');
    await panel.getByRole('button', { name: 'Exclude', exact: true }).click();
    await panel
      .getByRole('button', { name: 'Remove rfc-editor.org from excluded sites' })
      .waitFor();
    const url = 'https://www.rfc-editor.org/rfc/rfc9110.html';
    await serve(ext, url, pageHtml('RFC 9110: HTTP Semantics'));
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1000);
    expect((await readVisits(panel)).length).toBe(2);
    await page.close();
  });

  it('downloads a progress report that lists the items done', async () => {
    await panel.getByRole('button', { name: /^Studied/ }).click();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^levelmate-progress-.*\.md$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const done = (await states()).filter((s) => s.state === 'done');
    expect(done.length).toBeGreaterThan(0);
    for (const state of done) {
      const item = guide.levels.flatMap((l) => l.items).find((i) => i.id === state.itemId)!;
      expect(text).toContain(item.text);
    }
    await panel.getByRole('button', { name: /^Settings/ }).click();
  });

  it('"Pause until I resume": no visit, no active time, and the badge claims nothing', async () => {
    const url = 'https://sre.google/sre-book/service-level-objectives/';
    await serve(ext, url, pageHtml('Service Level Objectives - Google SRE'));
    const reading = async () => {
      const page = await ext.context.newPage();
      await page.goto(url);
      await page.bringToFront();
      await page.waitForTimeout(2500);
      // Leaving the page reports the time read on it.
      await page.goto('about:blank');
      await page.close();
    };
    const visitOf = async () => (await readVisits(panel)).find((v) => v.url === url);
    // Not paused: the time read is recorded (so the check below can fail).
    await reading();
    const before = await eventually(visitOf, (v) => (v?.activeMs ?? 0) >= 1000);

    await panel.getByRole('button', { name: 'Pause until I resume' }).click();
    await panel.getByRole('main').getByRole('button', { name: 'Resume' }).waitFor();
    const visitsBefore = (await readVisits(panel)).length;
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    const badge = await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return api.action.getBadgeText({ tabId: tab!.id! });
    });
    expect(badge).toBe('II');
    await page.waitForTimeout(2500);
    await page.goto('about:blank');
    await page.close();
    await panel.waitForTimeout(500);
    expect(await visitOf()).toMatchObject({ activeMs: before!.activeMs, count: before!.count });
    expect(await readVisits(panel)).toHaveLength(visitsBefore);
    await panel.getByRole('main').getByRole('button', { name: 'Resume' }).click();
  });

  it('refuses a Replace import of items no guide has, and changes nothing', async () => {
    const before = await states();
    const backup = {
      format: 'levelmate-backup',
      formatVersion: 2,
      exportedAt: '2026-11-20T10:00:00.000Z',
      guides: [{ id: 'backend-engineering', contentVersion: 1 }],
      tables: {
        itemStates: ['ghost-a', 'ghost-b', 'ghost-c'].map((itemId) => ({
          guideId: 'backend-engineering',
          itemId,
          state: 'done',
          note: '',
          updatedAt: 1,
        })),
        visits: [],
        activity: [],
        settings: [],
        guideVersions: [],
      },
    };
    await panel.locator('input[type="file"]').setInputFiles({
      name: 'someone-elses.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await panel.getByRole('radio', { name: 'Replace' }).click();
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await panel.getByRole('button', { name: 'Replace everything' }).click();
    await panel
      .getByText(/This backup names 3 items this guide does not have \(ghost-a, ghost-b, ghost-c\)/)
      .waitFor();
    expect(await states()).toEqual(before);
  });

  it('refuses a malformed backup in words and changes nothing', async () => {
    const before = await states();
    await panel.locator('input[type="file"]').setInputFiles({
      name: 'not-a-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"levelmate-backup","formatVersion":1,"tables":'),
    });
    await panel.getByRole('radio', { name: 'Merge' }).click();
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await panel.getByText(/not valid JSON/).waitFor();
    await panel
      .getByText(/Nothing was changed/)
      .first()
      .waitFor();
    expect(await states()).toEqual(before);
  });
});

describe('quality', () => {
  it('axe-core finds no serious or critical violations in the side panel views and the popup', async () => {
    const found: string[] = [];
    for (const view of ['Checklist', 'Studied', 'Settings']) {
      await panel
        .getByRole('tab', { name: new RegExp(view) })
        .or(panel.getByRole('button', { name: new RegExp(`^${view}`) }))
        .first()
        .click();
      await panel.waitForTimeout(300);
      found.push(...(await seriousViolations(panel)).map((v) => `side panel, ${view}: ${v}`));
    }
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await ext.open('popup', 360);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('heading', { name: 'Quick check-offs' }).waitFor();
      found.push(...(await seriousViolations(popup)).map((v) => `popup (${scheme}): ${v}`));
      await popup.close();
    }
    expect(found).toEqual([]);
  });

  it("fits Chrome's 600-pixel popup at 360 pixels wide", async () => {
    const popup = await ext.open('popup', 360);
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.getByRole('heading', { name: 'Quick check-offs' }).waitFor();
    await popup.locator('.quick-list input').first().waitFor();
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(600);
    await popup.close();
  });

  it('fits the side panel from 320 to 500 pixels wide without sideways scrolling', async () => {
    for (const width of [320, 400, 500]) {
      await panel.setViewportSize({ width, height: 800 });
      await panel
        .getByRole('tab', { name: /Checklist/ })
        .or(panel.getByRole('button', { name: /^Checklist/ }))
        .first()
        .click();
      const overflow = await panel.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
    }
  });
});

describe('privacy', () => {
  it('asked no host for anything but the routed pages, from the browser start', () => {
    expect(ext.escapedRequests).toEqual([]);
    expect(ext.hostsAskedFor()).toEqual([]);
  });
});
