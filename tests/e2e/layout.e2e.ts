import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  openPopupOver,
  pageHtml,
  putRows,
  sendCommand,
  serve,
  type Extension,
  shippedGuide,
} from './extension';

/*
 * What a new user meets first, measured in real Chromium: no view of the side panel scrolls
 * sideways from 320 to 500 pixels (with reviews due, long titles and the pause banner), and
 * the popup fits Chrome's 600 pixels over every kind of page.
 */

const GUIDE = 'backend-engineering';
const guide = shippedGuide<{ levels: { items: { id: string }[] }[] }>();
const LONG_TITLE = `Designing-Data-Intensive-Applications-The-Big-Ideas-Behind-Reliable-Scalable-Systems ${'and a very long subtitle '.repeat(6)}`;
const RECOGNISED = 'https://queue.acm.org/detail.cfm?id=1466448';
/** On a learning site the person allowed, but not a page any rule or word knows. */
const UNKNOWN = 'https://queue.acm.org/listing.cfm?item_topic=Databases';
const EXCLUDED = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods';
const UNTIL_RESUMED = 8_640_000_000_000_000;
/** Where the pictures of each state go, to look at when a check fails. */
const SHOTS = join(tmpdir(), 'levelmate-layout');

let ext: Extension;
let panel: Page;

beforeAll(async () => {
  ext = await launchExtension(undefined, { grant: 'learning-sites' });
  panel = await ext.open('sidepanel', 400);
  for (const [url, title] of [
    [RECOGNISED, LONG_TITLE],
    [UNKNOWN, 'Some page'],
    [EXCLUDED, 'HTTP request methods - HTTP | MDN'],
  ] as const)
    await serve(ext, url, pageHtml(title));
  // Forty items done a month ago: reviews are due, more than a day's share of them.
  const monthAgo = Date.now() - 30 * 86_400_000;
  const items = guide.levels.flatMap((l) => l.items.map((i) => i.id)).slice(0, 40);
  await putRows(
    panel,
    'itemStates',
    items.map((itemId) => ({
      guideId: GUIDE,
      itemId,
      state: 'done',
      note: '',
      updatedAt: monthAgo,
      stateAt: monthAgo,
      doneAt: monthAgo,
      review: { step: 0, due: monthAgo + 7 * 86_400_000 },
    })),
  );
  // A studied page with a long title, for the Studied view.
  const tab = await ext.context.newPage();
  await tab.goto(RECOGNISED);
  await tab.waitForTimeout(1_000);
  await tab.close();
}, 60_000);

afterAll(async () => {
  await ext?.close();
});

const VIEWS = [/^Checklist/, /^Review/, /^Studied/, /^Settings/];

async function sidewaysOverflow(width: number): Promise<Record<string, number>> {
  await panel.setViewportSize({ width, height: 800 });
  const found: Record<string, number> = {};
  for (const view of VIEWS) {
    await panel
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: view })
      .click();
    await panel.waitForTimeout(300);
    found[String(view)] = await panel.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
  return found;
}

describe('the side panel', () => {
  it('never scrolls sideways, on any view, from 320 to 500 pixels, with reviews due', async () => {
    await panel.reload();
    await panel.getByRole('button', { name: /^Review\b.*10/ }).waitFor();
    for (const width of [320, 400, 500]) {
      const overflow = await sidewaysOverflow(width);
      for (const [view, px] of Object.entries(overflow))
        expect(px, `${view} at ${width}px`).toBeLessThanOrEqual(0);
    }
  });

  it('…and with the pause banner showing', async () => {
    await sendCommand(panel, 'updateSettings', { pausedUntil: UNTIL_RESUMED });
    await panel
      .getByText(/paused/i)
      .first()
      .waitFor();
    for (const width of [320, 400, 500]) {
      const overflow = await sidewaysOverflow(width);
      for (const [view, px] of Object.entries(overflow))
        expect(px, `${view} at ${width}px`).toBeLessThanOrEqual(0);
    }
    await sendCommand(panel, 'updateSettings', { pausedUntil: null });
  });
});

/** Opens a view of the side panel at this width. */
async function showView(view: RegExp, width: number): Promise<void> {
  await panel.setViewportSize({ width, height: 800 });
  await panel
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: view })
    .click();
  await panel.waitForTimeout(300);
}

describe('words and labels', () => {
  it('level names break only between words, from 320 to 500 pixels', async () => {
    for (const width of [320, 360, 380, 400, 500]) {
      await showView(/^Checklist/, width);
      const cut = await panel.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.level-tab-name')]
          // A name hidden for screen readers only is not drawn.
          .filter((name) => getComputedStyle(name).clipPath === 'none')
          .filter((name) => {
            // A word drawn on two lines ("Craftsperso" / "n"), or one wider than its tab.
            const text = name.firstChild as Text;
            const split = [...text.data.matchAll(/\S+/g)].some((word) => {
              const range = document.createRange();
              range.setStart(text, word.index);
              range.setEnd(text, word.index + word[0].length);
              return range.getClientRects().length > 1;
            });
            return split || name.scrollWidth > name.clientWidth;
          })
          .map((name) => name.textContent),
      );
      expect(cut, `at ${width}px`).toEqual([]);
      // Each level still has its name for screen readers.
      expect(await panel.getByRole('tab', { name: /API Craftsperson/ }).count()).toBe(1);
    }
  });

  it("an item's status control keeps its four choices on one line", async () => {
    for (const width of [320, 361, 400, 441, 500]) {
      await showView(/^Checklist/, width);
      const details = panel.getByRole('button', { name: /^Details: / }).first();
      if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
      const status = panel.getByRole('group', { name: 'Status' }).first();
      await status.waitFor();
      const rows = await status.evaluate((group) => {
        const tops = [...group.querySelectorAll('.segment > span')].map(
          (span) => span.getBoundingClientRect().top,
        );
        const lines = [...group.querySelectorAll('.segment > span')].map(
          (span) => span.getClientRects().length,
        );
        return { tops: new Set(tops).size, lines: Math.max(...lines), count: tops.length };
      });
      expect(rows, `at ${width}px`).toEqual({ tops: 1, lines: 1, count: 4 });
    }
  });

  it("the activity map's month names stay inside it", async () => {
    for (const width of [320, 400, 500]) {
      await showView(/^Studied/, width);
      const outside = await panel.evaluate(() => {
        const map = document.querySelector('.heatmap')!.getBoundingClientRect();
        return [...document.querySelectorAll('.heatmap-label')]
          .map((label) => ({ text: label.textContent, box: label.getBoundingClientRect() }))
          .filter(({ box }) => box.left < map.left - 0.5 || box.right > map.right + 0.5)
          .map(({ text }) => text);
      });
      expect(outside, `at ${width}px`).toEqual([]);
    }
  });
});

describe('buttons', () => {
  it('a red button keeps its words on hover, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.setViewportSize({ width: 400, height: 800 });
      await panel
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: /^Settings/ })
        .click();
      const button = panel.getByRole('button', { name: 'Delete everything' });
      await button.scrollIntoViewIfNeeded();
      await button.hover();
      const contrast = await button.evaluate((b) => {
        const style = getComputedStyle(b);
        // "rgb(…)" in 0–255, or "color(srgb …)" in 0–1 (what color-mix() computes to).
        const rgb = (c: string) =>
          (c.replace(/^color\(srgb/, '').match(/[\d.]+/g) ?? [])
            .slice(0, 3)
            .map((v) => (c.startsWith('color(') ? Number(v) * 255 : Number(v)));
        const lum = (c: string) => {
          const [r, g, bl] = rgb(c).map((v) => {
            const x = v / 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
        };
        const [hi, lo] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      });
      // WCAG's 4.5:1 for text.
      expect(contrast, scheme).toBeGreaterThanOrEqual(4.5);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  });
});

describe('the popup', () => {
  /** Opens the real popup over a tab showing `url` and measures it once it has settled. */
  async function popupOver(url: string, name: string) {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const popup = await openPopupOver(ext, tab);
    await new Promise((r) => setTimeout(r, 1_200));
    const measured = await popup.evaluate<{ height: number; sideways: number; text: string }>(
      `({
        height: document.documentElement.scrollHeight,
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        text: document.body.innerText,
      })`,
    );
    writeFileSync(join(SHOTS, `${name}.png`), await popup.screenshot());
    await popup.close();
    await tab.close();
    return measured;
  }

  beforeAll(async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(SHOTS, { recursive: true });
  });

  it('fits 600 pixels over a recognised page, an unknown page, an excluded site and while paused', async () => {
    const states: [string, string, () => Promise<unknown>][] = [
      ['recognised', RECOGNISED, async () => undefined],
      ['unknown', UNKNOWN, async () => undefined],
      [
        'excluded',
        EXCLUDED,
        () => sendCommand(panel, 'addExcludedSite', { site: 'developer.mozilla.org' }),
      ],
      [
        'paused',
        RECOGNISED,
        () => sendCommand(panel, 'updateSettings', { pausedUntil: UNTIL_RESUMED }),
      ],
    ];
    for (const [name, url, before] of states) {
      await before();
      const { height, sideways, text } = await popupOver(url, name);
      expect(height, `${name}: ${text.slice(0, 200)}`).toBeLessThanOrEqual(600);
      expect(sideways, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(text).not.toMatch(/Checking this page/);
    }
    await sendCommand(panel, 'updateSettings', { pausedUntil: null });
  }, 60_000);
});
