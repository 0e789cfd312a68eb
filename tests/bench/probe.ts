import { join } from 'node:path';
import { launchExtension } from '../e2e/extension';
const ext = await launchExtension(join(import.meta.dirname, '../../.output/bench/chrome-mv3'));
ext.context.on('console', (m) => console.log('CONSOLE', m.text().slice(0, 200)));
const bench = await ext.open('bench');
let t = Date.now();
console.log(await bench.evaluate(() => (globalThis as any).levelmateBench.seed(100000)), 'seeded in', Date.now() - t);
for (let i = 0; i < 3; i++) {
  const panel = await ext.context.newPage();
  t = Date.now();
  await panel.goto(`chrome-extension://${ext.id}/sidepanel.html`);
  try {
    await panel.waitForFunction(() => document.querySelector('input[type="checkbox"]') !== null, undefined, { polling: 'raf', timeout: 60000 });
    console.log('ready', await panel.evaluate(() => performance.now()), 'wall', Date.now() - t);
    console.log(await panel.evaluate(() => JSON.stringify({ nav: performance.getEntriesByType('navigation').map((e: any) => ({ dcl: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd) })), paint: performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)]), res: performance.getEntriesByType('resource').map((e: any) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]) })));
  } catch (e) { console.log('timeout'); await panel.screenshot({ path: '/tmp/sp100k.png' }); }
  await panel.close();
}
await ext.close();
