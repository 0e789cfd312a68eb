/**
 * `npm run screenshots`: the README's pictures, from the built extension in Chromium with a
 * realistic first week of study (items ticked, learning pages visited). Writes docs/*.png.
 * Not part of `npm test`, so a test run leaves the tree as it was.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, openPopupOver, pageHtml, serve } from '../e2e/extension';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs');

execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const ext = await launchExtension(undefined, { grant: 'learning-sites' });
try {
  const pages: [string, string][] = [
    [
      'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html',
      '7. Transactions - Designing Data-Intensive Applications [Book]',
    ],
    [
      'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods',
      'HTTP request methods - HTTP | MDN',
    ],
    [
      'https://www.postgresql.org/docs/current/transaction-iso.html',
      'PostgreSQL: Documentation: 17: 13.2. Transaction Isolation',
    ],
  ];
  for (const [url, title] of pages) {
    await serve(ext, url, pageHtml(title));
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1200);
    await page.close();
  }

  const panel = await ext.open('sidepanel', 400);
  await panel
    .getByRole('button', { name: 'Not now' })
    .first()
    .click()
    .catch(() => undefined);
  // The checklist's own boxes (the welcome's sync offer is a checkbox too).
  const boxes = panel.locator('.items').getByRole('checkbox');
  await boxes.first().waitFor();
  for (const n of [0, 1, 2, 4, 5, 7]) await boxes.nth(n).check();
  await panel.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: join(DOCS, 'sidepanel.png') });

  await panel.getByRole('button', { name: /^Place yourself/ }).click();
  await panel.getByRole('button', { name: 'I can do all of this' }).click();
  await panel.getByRole('button', { name: 'Most of it' }).click();
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: join(DOCS, 'placement.png') });
  await panel.getByRole('button', { name: 'Skip placement' }).click();

  await panel.getByRole('button', { name: /^Studied/ }).click();
  await panel.getByRole('heading', { name: 'Studied' }).waitFor();
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: join(DOCS, 'studied.png') });

  // The progress card itself, as the person would save it.
  await panel.getByRole('button', { name: 'Progress card' }).click();
  const card = panel.getByRole('group', { name: 'Progress card preview' }).getByRole('img');
  const png = (await card.getAttribute('src'))!.replace(/^data:image\/png;base64,/, '');
  writeFileSync(join(DOCS, 'progress-card.png'), Buffer.from(png, 'base64'));

  // The real popup, over a chapter the person is reading.
  const tab = await ext.context.newPage();
  await tab.goto(pages[0]![0]);
  await tab.waitForTimeout(1000);
  const popup = await openPopupOver(ext, tab);
  await new Promise((r) => setTimeout(r, 1200));
  writeFileSync(join(DOCS, 'popup.png'), await popup.screenshot());
  await popup.close();
  console.log('wrote docs/: sidepanel, placement, studied, progress-card and popup .png');
} finally {
  await ext.close();
}
