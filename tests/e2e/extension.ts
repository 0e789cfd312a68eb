import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { chromiumPath } from './chromium-path';
import { startRecordingProxy } from './recording-proxy';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

/** The built-in guide as the extension ships it (data/guides), read as plain data. */
export function shippedGuide<T>(): T {
  const file = join(import.meta.dirname, '..', '..', 'data/guides/backend-engineering.json');
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  /** Every request the browser made that left it (not extension pages, not routed pages). */
  escapedRequests: string[];
  /**
   * Hosts the browser asked the network for, from its first moment (through a recording
   * proxy), other than the hosts of pages the tests served.
   */
  hostsAskedFor(): string[];
  open(page: 'sidepanel' | 'popup' | 'bench', width?: number): Promise<Page>;
  /**
   * Closes the browser, grants these host permissions (and optional API permissions, such as
   * notifications) in its profile, and starts it again.
   */
  restartGranting(origins: readonly string[], apis?: readonly string[]): Promise<Extension>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Host permissions granted in the profile before the extension starts, as if the person had
   * allowed them ("learning-sites": every learning site the manifest offers). The browser's
   * own prompt cannot be answered headless, so the grant is written where the browser keeps it.
   */
  grant?: string[] | 'learning-sites';
  /** Optional API permissions granted the same way ("notifications"). */
  grantApis?: string[];
}

/** The learning sites' host permissions the built manifest offers (not "any site"). */
export function learningSiteOrigins(extensionDir = EXTENSION_DIR): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    optional_host_permissions: string[];
  };
  return manifest.optional_host_permissions.filter((o) => o.startsWith('*://*.'));
}

function launchArgs(extensionDir: string, proxy: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--proxy-server=${proxy}`,
    // Loopback too: nothing may bypass the recording proxy.
    '--proxy-bypass-list=<-loopback>',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/** Writes permissions into a closed profile's preferences, granted and active. */
function grantInProfile(
  profile: string,
  id: string,
  origins: readonly string[],
  apis: readonly string[],
): void {
  const path = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(path, 'utf8'));
  const entry = prefs.extensions.settings[id];
  for (const key of ['granted_permissions', 'active_permissions']) {
    entry[key] ??= {};
    entry[key].explicit_host = [...new Set([...(entry[key].explicit_host ?? []), ...origins])];
    entry[key].api = [...new Set([...(entry[key].api ?? []), ...apis])];
  }
  writeFileSync(path, JSON.stringify(prefs));
}

/**
 * Loads the built extension into a fresh Chromium profile. Pages at real learning-resource
 * addresses are served by `serve()` from fixtures; nothing may reach the network.
 */
export async function launchExtension(
  extensionDir = EXTENSION_DIR,
  options: LaunchOptions = {},
): Promise<Extension> {
  const profile = mkdtempSync(join(tmpdir(), 'levelmate-e2e-'));
  const proxy = await startRecordingProxy();
  const start = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: launchArgs(extensionDir, proxy.url),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, worker };
  };
  const first = await start();
  const id = new URL(first.worker.url()).host;
  const granted =
    options.grant === 'learning-sites' ? learningSiteOrigins(extensionDir) : options.grant;
  const opened = async (running: {
    context: BrowserContext;
    worker: Worker;
  }): Promise<Extension> => {
    const { context, worker } = running;
    const escapedRequests: string[] = [];
    const served = new Set<string>();
    // Anything not served by a test route is blocked and remembered, so a test can assert on it.
    await context.route(/.*/, (route) => {
      const url = route.request().url();
      if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
      escapedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    servedHosts.set(context, served);
    return {
      context,
      id,
      worker,
      escapedRequests,
      // Chromium preconnects to a served page's host through the proxy: those are not
      // requests of ours.
      hostsAskedFor: () =>
        [...proxy.hosts].filter((h) => !served.has(h) && !CHROMIUM_OWN_HOSTS.has(h)).sort(),
      async open(name, width = 400) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`chrome-extension://${id}/${name}.html`);
        return page;
      },
      async restartGranting(origins, apis = []) {
        await context.close();
        grantInProfile(profile, id, origins, apis);
        return opened(await start());
      },
      async close() {
        await context.close();
        await proxy.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  };
  const ext = await opened(first);
  if (!granted && !options.grantApis) return ext;
  const restarted = await ext.restartGranting(granted ?? [], options.grantApis);
  if (!granted) return restarted;
  // The background registers the content script when it starts: wait for it.
  await eventually(
    () =>
      restarted.worker.evaluate(() =>
        (globalThis as unknown as { chrome: typeof browser }).chrome.scripting
          .getRegisteredContentScripts()
          .then((scripts) => scripts.length),
      ),
    (count) => count > 0,
  );
  return restarted;
}

const servedHosts = new WeakMap<BrowserContext, Set<string>>();

/**
 * Hosts Chromium itself asks for at start even with no extension loaded and every background
 * service switched off (its sign-in and updater checks; seen with a bare Chromium 156 here
 * through the same proxy). They are not Levelmate's; anything else is.
 */
const CHROMIUM_OWN_HOSTS = new Set(['accounts.google.com', 'update.googleapis.com']);

/** Serves an HTML body at a real address (the route wins over the catch-all block). */
export async function serve(ext: Extension, url: string, html: string): Promise<void> {
  servedHosts.get(ext.context)?.add(new URL(url.replace(/\*+/g, 'x')).hostname);
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

/**
 * Writes rows straight into a table of the extension's database, from one of its pages, in one
 * transaction. The rows go as one JSON string: Playwright's own serialisation of tens of
 * megabytes of objects (a year of seeded visits) takes minutes, a string seconds.
 */
export async function putRows(page: Page, table: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ({ name, json }) =>
      new Promise<void>((resolve, reject) => {
        const values = JSON.parse(json) as unknown[];
        const open = indexedDB.open('levelmate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const value of values) tx.objectStore(name).put(value);
          tx.oncomplete = () => resolve(open.result.close());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: table, json: JSON.stringify(rows) },
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

export interface StoredVisit {
  id: number;
  url: string;
  resourceId: string | null;
  itemIds: string[];
  count: number;
  title: string;
  activeMs: number;
  why?: Record<string, string>;
}

/** Every visit the extension stored, read from its day rows in one of its pages. */
export async function readVisits(page: Page): Promise<StoredVisit[]> {
  const days = await readTable<{ visits: StoredVisit[] }>(page, 'visitDays');
  return days.flatMap((day) => day.visits);
}

/** The chip's hosts in a page: elements named "lm-" and eight hex digits under <html>. */
export function chipCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.documentElement.children].filter((e) => /^lm-[0-9a-f]{8}$/i.test(e.tagName))
        .length,
  );
}

/**
 * The chip's text and a click on one of its buttons, through the closed shadow root: the page
 * cannot see into it, so the test reads it the way the browser's own tools do (CDP, pierce).
 */
export async function chipText(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const texts: string[] = [];
  const walk = (
    node: {
      nodeType: number;
      nodeValue?: string;
      children?: unknown[];
      shadowRoots?: unknown[];
      nodeName: string;
    },
    inChip: boolean,
  ) => {
    const here = inChip || /^LM-[0-9A-F]{8}$/.test(node.nodeName);
    if (here && node.nodeType === 3 && node.nodeName !== 'STYLE') texts.push(node.nodeValue ?? '');
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])])
      walk(child as never, here && node.nodeName !== 'STYLE');
  };
  walk(root as never, false);
  await session.detach();
  return texts.join(' ');
}

export async function clickInChip(page: Page, label: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = {
    nodeId: number;
    backendNodeId: number;
    nodeName: string;
    children?: Node[];
    shadowRoots?: Node[];
    nodeValue?: string;
  };
  let found: Node | undefined;
  const walk = (node: Node, inChip: boolean) => {
    const here = inChip || /^LM-[0-9A-F]{8}$/.test(node.nodeName);
    const text = (node.children ?? []).map((c) => c.nodeValue ?? '').join('');
    if (here && node.nodeName === 'BUTTON' && text === label) found ??= node;
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, here);
  };
  walk(root as Node, false);
  if (!found) throw new Error(`no "${label}" button in the chip`);
  const { model } = await session.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId });
  const [x1, y1, , , x3, y3] = model.content;
  await session.detach();
  await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
}

/** Sends a command from one of the extension's pages, as its screens do; answers the reply. */
export function sendCommand(page: Page, type: string, data: unknown = {}): Promise<unknown> {
  return page.evaluate(
    ([t, d]) =>
      (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({
        channel: 'levelmate-command',
        type: t,
        data: d,
      }),
    [type, data] as const,
  );
}

export interface RealPopup {
  /** Runs an expression in the popup (awaited); the value comes back through JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG of the popup as the person sees it. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Opens the extension's real popup over a tab (as a click on the toolbar button does), so it
 * reads that tab. Playwright does not list extension popups as pages: the popup is reached
 * over CDP, through the tab's session.
 */
export async function openPopupOver(ext: Extension, tab: Page): Promise<RealPopup> {
  await tab.bringToFront();
  await ext.worker.evaluate(() =>
    (globalThis as unknown as { chrome: typeof browser }).chrome.action.openPopup(),
  );
  const session = await ext.context.newCDPSession(tab);
  const popupTarget = await eventually(
    async () =>
      (await session.send('Target.getTargets')).targetInfos.find((t) =>
        t.url.endsWith('/popup.html'),
      ),
    (t) => t !== undefined,
  );
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: popupTarget!.targetId,
    flatten: false,
  });
  let next = 0;
  const call = <T>(method: string, params: object) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      const onMessage = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: T; error?: unknown };
        if (event.sessionId !== sessionId || reply.id !== id) return;
        session.off('Target.receivedMessageFromTarget', onMessage as never);
        if (reply.error) reject(new Error(JSON.stringify(reply.error)));
        else resolve(reply.result as T);
      };
      session.on('Target.receivedMessageFromTarget', onMessage as never);
      void session.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  return {
    async evaluate<T>(expression: string) {
      const reply = await call<{ result: { value: T } }>('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      return reply.result.value;
    },
    async screenshot() {
      // The whole popup, as tall as its content (a headless popup window may be shorter).
      const size = await call<{ result: { value: { width: number; height: number } } }>(
        'Runtime.evaluate',
        {
          expression:
            '({ width: document.body.scrollWidth, height: document.documentElement.scrollHeight })',
          returnByValue: true,
        },
      );
      const { data } = await call<{ data: string }>('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, ...size.result.value, scale: 1 },
      });
      return Buffer.from(data, 'base64');
    },
    async close() {
      await call('Runtime.evaluate', { expression: 'window.close()' }).catch(() => undefined);
      await session.detach();
    },
  };
}
