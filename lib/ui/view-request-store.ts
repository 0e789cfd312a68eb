import { browser } from 'wxt/browser';

/*
 * "Open the side panel at this view", asked by the popup or a reminder's click. Kept in
 * session storage, which every extension context shares (the service worker has no
 * localStorage): a panel that opens reads it once, and an open panel hears it at once.
 */

const KEY = 'openView';
/** A request older than this was not answered by a panel opening; it must not surprise later. */
const FRESH_MS = 30_000;

interface ViewRequest {
  view: string;
  at: number;
}

export async function requestView(view: string, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [KEY]: { view, at: now } satisfies ViewRequest });
}

/** The view asked for in the last few seconds, taken once. */
export async function takeRequestedView(now = Date.now()): Promise<string | null> {
  const asked = (await browser.storage.session.get(KEY))[KEY] as ViewRequest | undefined;
  if (!asked) return null;
  await browser.storage.session.remove(KEY);
  return now - asked.at <= FRESH_MS ? asked.view : null;
}

/** Calls back with each view asked for while this page is open. */
export function onViewRequested(show: (view: string) => void): () => void {
  const listen = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const asked = changes[KEY]?.newValue as ViewRequest | undefined;
    if (area === 'session' && asked) show(asked.view);
  };
  browser.storage.onChanged.addListener(listen);
  return () => browser.storage.onChanged.removeListener(listen);
}
