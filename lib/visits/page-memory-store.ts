import { browser } from 'wxt/browser';
import type { Recognition } from '../recognition/recognise';

/*
 * What the background remembers for the browser session (session storage, never on disk):
 * the recognition of each tab's page, so the popup and "Mark studied" act on exactly what the
 * page reported (its metadata included) rather than recognising again from the address alone.
 */

interface RememberedPage {
  /** The normalised address the recognition is for. */
  url: string;
  recognition: Recognition | null;
}

const session = () => browser.storage.session;
const pageKey = (tabId: number) => `page:${tabId}`;

export async function rememberPage(tabId: number, page: RememberedPage): Promise<void> {
  await session().set({ [pageKey(tabId)]: page });
}

/** The tab's remembered recognition if the tab still shows that address; undefined if none. */
export async function recallPage(
  tabId: number,
  url: string,
): Promise<Recognition | null | undefined> {
  const key = pageKey(tabId);
  const page = (await session().get(key))[key] as RememberedPage | undefined;
  return page?.url === url ? page.recognition : undefined;
}

export async function forgetTab(tabId: number): Promise<void> {
  await session().remove(pageKey(tabId));
}
