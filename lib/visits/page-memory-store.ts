import { browser } from 'wxt/browser';
import type { Recognition } from '../recognition/recognise';
import type { ItemState } from '../progress/item-state';

/*
 * What the background remembers for the browser session (never on disk): the recognition of
 * each tab's page, so the popup and "Mark studied" act on exactly what the page reported
 * (its metadata included) rather than recognising again from the address alone; and what a
 * "Mark studied" changed, so it can be undone.
 */

export interface RememberedPage {
  /** The normalised address the recognition is for. */
  url: string;
  recognition: Recognition | null;
}

export interface StudiedUndo {
  /** The visit "Mark studied" added, or the one it added items to. */
  visitId: number;
  createdVisit: boolean;
  addedItemIds: string[];
  states: { guideId: string; itemId: string; before: ItemState | null }[];
}

const session = () => browser.storage.session;
const pageKey = (tabId: number) => `page:${tabId}`;
const undoKey = (token: string) => `undo:${token}`;

export async function rememberPage(tabId: number, page: RememberedPage): Promise<void> {
  await session().set({ [pageKey(tabId)]: page });
}

/** The tab's remembered page, if the tab still shows that address. */
export async function recallPage(tabId: number, url: string): Promise<RememberedPage | null> {
  const key = pageKey(tabId);
  const page = (await session().get(key))[key] as RememberedPage | undefined;
  return page?.url === url ? page : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await session().remove(pageKey(tabId));
}

export async function rememberUndo(undo: StudiedUndo): Promise<string> {
  const token = crypto.randomUUID();
  await session().set({ [undoKey(token)]: undo });
  return token;
}

/** The undo record for a token, used once. */
export async function takeUndo(token: string): Promise<StudiedUndo | null> {
  const key = undoKey(token);
  const undo = (await session().get(key))[key] as StudiedUndo | undefined;
  await session().remove(key);
  return undo ?? null;
}
