import { rmSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  launchExtension,
  pageHtml,
  serve,
  type Extension,
} from '../../e2e/extension';
import { WorkerControl, watchIndexedDB } from './cdp';
import { FLOOR_DATABASE, FLOOR_PAGE, FLOOR_STORE, writeFloorExtension } from './floor-extension';

/*
 * The two arms of the bench, each its own Chromium with one extension loaded: Levelmate as
 * built, and the floor. Each arm keeps a blank tab whose protocol session stops and starts the
 * worker and watches IndexedDB, and a browser session for traces and the worker's target.
 */

/** The learning page both arms visit (a query per round makes each visit a first visit). */
export const LEARNING_URL =
  'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/ch07.html';
export const LEARNING_TITLE = '7. Transactions - Designing Data-Intensive Applications [Book]';

export type ArmName = 'levelmate' | 'floor';

export interface Arm {
  name: ArmName;
  ext: Extension;
  /** The folder the extension was loaded from. */
  dir: string;
  /** chrome-extension://<id> */
  origin: string;
  /** The service worker's script URL. */
  workerScript: string;
  panelUrl: string;
  popupUrl: string;
  /** What counts as the popup's first meaningful element. */
  popupSelector: string;
  /** Where a visit's row is written. */
  visitStore: { database: string; store: string };
  /** A page of the extension that runs none of its code (for raw IndexedDB). */
  quietUrl: string;
  browserSession: CDPSession;
  controlSession: CDPSession;
  worker: WorkerControl;
  /** Resolves with the time (performance.now()) of the next committed write to a store. */
  nextWrite(database: string, store: string, timeout?: number): Promise<number>;
  /** Closes every tab showing one of the extension's pages. */
  closeExtensionPages(): Promise<void>;
  close(): Promise<void>;
}

async function armOf(
  name: ArmName,
  dir: string,
  ext: Extension,
  pages: { panel: string; popup: string; popupSelector: string },
  visitStore: Arm['visitStore'],
): Promise<Arm> {
  await serve(ext, `${LEARNING_URL}*`, pageHtml(LEARNING_TITLE));
  const origin = `chrome-extension://${ext.id}`;
  const control: Page = await ext.context.newPage();
  const controlSession = await ext.context.newCDPSession(control);
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser behind the persistent context');
  const browserSession = await browser.newBrowserCDPSession();
  return {
    name,
    ext,
    dir,
    origin,
    workerScript: ext.worker.url(),
    panelUrl: `${origin}/${pages.panel}`,
    popupUrl: `${origin}/${pages.popup}`,
    popupSelector: pages.popupSelector,
    visitStore,
    quietUrl: `${origin}/manifest.json`,
    browserSession,
    controlSession,
    worker: await WorkerControl.on(controlSession, `${origin}/`),
    nextWrite: await watchIndexedDB(controlSession, origin),
    async closeExtensionPages() {
      for (const page of ext.context.pages()) if (page.url().startsWith(origin)) await page.close();
    },
    close: () => ext.close(),
  };
}

/** Levelmate as built, with the learning sites granted as a person grants them at first run. */
export async function launchLevelmate(): Promise<Arm> {
  const ext = await launchExtension(EXTENSION_DIR, { grant: 'learning-sites' });
  return armOf(
    'levelmate',
    EXTENSION_DIR,
    ext,
    {
      panel: 'sidepanel.html',
      popup: 'popup.html',
      popupSelector: 'button, input[type=checkbox]',
    },
    { database: 'levelmate', store: 'visitDays' },
  );
}

/** The floor, written now into a temporary folder, its host access granted in its manifest. */
export async function launchFloor(): Promise<Arm> {
  const dir = writeFloorExtension([`${new URL(LEARNING_URL).origin}/*`]);
  const ext = await launchExtension(dir);
  const arm = await armOf(
    'floor',
    dir,
    ext,
    { panel: FLOOR_PAGE, popup: FLOOR_PAGE, popupSelector: 'button, input[type=checkbox]' },
    { database: FLOOR_DATABASE, store: FLOOR_STORE },
  );
  return {
    ...arm,
    async close() {
      await arm.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
