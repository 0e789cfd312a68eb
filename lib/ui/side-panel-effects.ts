import { browser } from 'wxt/browser';
import { requestView } from './view-request-store';

type WithSidebarAction = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens Levelmate's panel: Chrome's side panel or Firefox's sidebar. From a page, call it
 * straight from a click handler, before any await: browsers open panels only during a user
 * gesture.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  if (browser.sidePanel) {
    if (windowId === undefined) return Promise.reject(new Error('the window is not known yet'));
    return browser.sidePanel.open({ windowId });
  }
  const sidebar = (browser as unknown as WithSidebarAction).sidebarAction;
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error('this browser has no side panel for extensions'));
}

/**
 * Opens the review list from the background (a reminder's click): the side panel of the
 * focused window where the browser allows it there, the same page in a tab where it does not.
 */
export async function openReviewFromBackground(): Promise<void> {
  // Asked first, so the panel that opens (or is already open) shows the review list.
  await requestView('review');
  try {
    const focused = browser.sidePanel ? await browser.windows.getLastFocused() : undefined;
    await openSidePanel(focused?.id);
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html#review') });
  }
}
