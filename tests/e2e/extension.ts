import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium-path';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  /** Every request the browser made that left it (not extension pages, not routed pages). */
  escapedRequests: string[];
  open(page: 'sidepanel' | 'popup' | 'bench', width?: number): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Loads the built extension into a fresh Chromium profile. Pages at real learning-resource
 * addresses are served by `serve()` from fixtures; nothing may reach the network.
 */
export async function launchExtension(extensionDir = EXTENSION_DIR): Promise<Extension> {
  const profile = mkdtempSync(join(tmpdir(), 'levelmate-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const escapedRequests: string[] = [];
  // Anything not served by a test route is blocked and remembered, so a test can assert on it.
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    escapedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    escapedRequests,
    async open(name, width = 400) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`chrome-extension://${id}/${name}.html`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves an HTML body at a real address (the route wins over the catch-all block). */
export async function serve(ext: Extension, url: string, html: string): Promise<void> {
  await ext.context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export function pageHtml(
  title: string,
  head = '',
  body = '<main><h1>Page</h1><p>Text.</p></main>',
): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escaped}</title>${head}</head><body>${body}</body></html>`;
}

/** Reads a table of the extension's database from one of its pages. */
export async function readTable<T = Record<string, unknown>>(
  page: Page,
  table: string,
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('levelmate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const request = database.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            database.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Waits until `check` holds, polling; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeout = 5000,
): Promise<T> {
  const start = Date.now();
  let value = await read();
  while (!check(value)) {
    if (Date.now() - start > timeout)
      throw new Error(`condition not met in ${timeout} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
