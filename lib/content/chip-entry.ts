import type { ChipPage } from './chip';
import { showChip } from './chip';
import type { sendToBackground } from './page-channel';

/*
 * The chip is a script of its own, injected by the background only when a page's first visit
 * calls for it: the content script that runs on every learning page stays a few kilobytes.
 * Both run in the extension's isolated world of the page, so the content script leaves the
 * chip its page here (a global of that world, which the page itself cannot see).
 */

export interface ChipRequest extends ChipPage {
  url: string;
  pageTitle: string;
}

type ChipWorld = { levelmateChip?: ChipRequest };

/** The content script: what the chip about to be injected should show. */
export function leaveChipRequest(request: ChipRequest): void {
  (globalThis as ChipWorld).levelmateChip = request;
}

/** The chip script: shows the chip the content script asked for, once. */
export function startChip(send: typeof sendToBackground): void {
  const world = globalThis as ChipWorld;
  const page = world.levelmateChip;
  delete world.levelmateChip;
  if (!page) return;
  const { url } = page;
  showChip(page, {
    onStudied: () => send('markStudied', { url, title: page.pageTitle }),
    onUndo: (undo) => send('undo', { undo }),
    onNotLearning: () => send('notLearningPage', { url }),
    onCorrect: (itemIds) => send('correctTags', { url, itemIds }),
    onFind: (query) => send('findItems', { url, query }),
  });
}
