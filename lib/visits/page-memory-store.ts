import { hasShape, storedItem } from '../db/stored-item';
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

/** A tab's page: written by the background alone, read back checked all the same. */
const pageOf = (tabId: number) =>
  storedItem<RememberedPage | null>(
    `session:page:${tabId}`,
    null,
    hasShape({ url: 'string', recognition: 'object|null' }),
  );

export async function rememberPage(tabId: number, page: RememberedPage): Promise<void> {
  await pageOf(tabId).set(page);
}

/** The tab's remembered recognition if the tab still shows that address; undefined if none. */
export async function recallPage(
  tabId: number,
  url: string,
): Promise<Recognition | null | undefined> {
  const page = await pageOf(tabId).get();
  return page?.url === url ? page.recognition : undefined;
}

export async function forgetTab(tabId: number): Promise<void> {
  await pageOf(tabId).remove();
}
