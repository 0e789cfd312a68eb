import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { refuseTunnels } from './recording-proxy';

/*
 * The Firefox build in real Firefox (Debian's firefox-esr), driven over WebDriver BiDi with
 * puppeteer-core: the add-on installed as a temporary add-on with a pinned internal UUID, its
 * pages opened from the browser window's privileged context (BiDi will not navigate a tab to
 * moz-extension:// itself), and learning pages served at their real (http) addresses by a
 * proxy of ours on 127.0.0.1.
 */

export const FIREFOX_BUILD = join(import.meta.dirname, '..', '..', '.output', 'firefox-mv3');
const GECKO_ID = 'levelmate@levelmate.app';
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Asked for by Firefox itself with no add-on installed (its remote settings), seen here. */
const FIREFOX_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com']);

/** The Firefox the tests drive; FIREFOX_PATH wins. Throws with install instructions. */
export function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox browser tests. Install one with `sudo apt-get install -y firefox-esr` ' +
        '(Debian/Ubuntu), or point FIREFOX_PATH at a Firefox binary.',
    );
  }
  return found;
}

/** A page of the add-on, driven by scripts run in it. */
export interface AddonPage {
  /** Runs an expression (awaited) in the page; the value comes back through JSON. */
  run<T>(expression: string): Promise<T>;
  /** Waits until an expression is truthy in the page. */
  until(expression: string, timeoutMs?: number): Promise<void>;
  reload(): Promise<void>;
}

export interface Firefox {
  browser: Browser;
  uuid: string;
  /** Serves an HTML body at an http address (the proxy answers it). */
  serve(url: string, html: string): void;
  /** Every host the proxy was asked for that no served page is on. */
  hostsAskedFor(): string[];
  openAddonPage(path: 'sidepanel.html' | 'popup.html'): Promise<AddonPage>;
  openWebPage(url: string): Promise<Page>;
  /** Grants host permissions as the add-on's permission panel would. */
  grant(origins: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

function startPageProxy() {
  const pages = new Map<string, string>();
  const hosts = new Set<string>();
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    const body = pages.get(url);
    if (body === undefined) {
      try {
        hosts.add(new URL(url).hostname);
      } catch {
        hosts.add(String(request.headers.host));
      }
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  refuseTunnels(server, hosts);
  return { pages, hosts, server };
}

export async function launchFirefox(): Promise<Firefox> {
  const uuid = randomUUID();
  const proxy = startPageProxy();
  await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.server.address() as AddressInfo;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'remote.experimental.enabled': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.allow_hijacking_localhost': true,
      'dom.security.https_first': false,
      'browser.fixup.fallback-to-https': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const connection = (browser as unknown as { connection: unknown }).connection as {
    send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  };
  const chromeWindow = async () => {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = result.contexts as { context: string; url: string }[];
    return contexts.find((c) => c.url.startsWith('chrome://browser'))!.context;
  };
  const evaluateIn = async <T>(context: string, expression: string): Promise<T> => {
    const { result } = await connection.send('script.evaluate', {
      target: { context },
      awaitPromise: true,
      expression: `(async () => JSON.stringify(await (${expression})))()`,
    });
    const value = result as {
      type: string;
      result?: { value?: string };
      exceptionDetails?: { text: string };
    };
    if (value.type === 'exception') throw new Error(`in page: ${value.exceptionDetails?.text}`);
    const text = value.result?.value;
    return (text === undefined ? undefined : JSON.parse(text)) as T;
  };
  const addonContext = async (url: string) => {
    for (let i = 0; i < 50; i++) {
      const { result } = await connection.send('browsingContext.getTree', {});
      const found = (result.contexts as { context: string; url: string }[]).find(
        (c) => c.url === url,
      );
      if (found) return found.context;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the add-on page ${url} did not open`);
  };

  return {
    browser,
    uuid,
    serve: (url, html) => void proxy.pages.set(url, html),
    // Firefox asks a served page's host for its icon, and its own remote-settings service for
    // updates: neither is a request of ours.
    hostsAskedFor: () => {
      const served = new Set([...proxy.pages.keys()].map((url) => new URL(url).hostname));
      return [...proxy.hosts]
        .filter((host) => !served.has(host) && !FIREFOX_OWN_HOSTS.has(host))
        .sort();
    },
    async openAddonPage(path) {
      const url = `moz-extension://${uuid}/${path}`;
      await connection.send('script.evaluate', {
        target: { context: await chromeWindow() },
        awaitPromise: false,
        expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
      });
      const context = await addonContext(url);
      const page: AddonPage = {
        run: (expression) => evaluateIn(context, expression),
        async until(expression, timeoutMs = 8000) {
          const start = Date.now();
          while (
            !(await evaluateIn<boolean>(context, `Boolean(${expression})`).catch(() => false))
          ) {
            if (Date.now() - start > timeoutMs)
              throw new Error(`not true in ${timeoutMs} ms: ${expression}`);
            await new Promise((r) => setTimeout(r, 100));
          }
        },
        async reload() {
          await evaluateIn(context, 'location.reload()').catch(() => undefined);
          await new Promise((r) => setTimeout(r, 300));
        },
      };
      await page.until('document.readyState === "complete"');
      return page;
    },
    async openWebPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    async grant(origins) {
      await evaluateIn(
        await chromeWindow(),
        `(async () => {
          const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
          const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
          await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: ${JSON.stringify(origins)} }, policy.extension);
          return true;
        })()`,
      );
    },
    async close() {
      await browser.close();
      proxy.server.closeAllConnections();
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
    },
  };
}

/** Every visit the add-on stored, read from its database in one of its pages. */
export const READ_VISITS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('levelmate');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction('visitDays', 'readonly').objectStore('visitDays').getAll();
    request.onsuccess = () => { open.result.close(); resolve(request.result.flatMap((d) => d.visits)); };
    request.onerror = () => reject(request.error);
  };
})`;
