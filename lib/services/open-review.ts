import { browser } from 'wxt/browser';
import { requestView } from './view-request';

type WithSidebarAction = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens the review list from the background (a reminder's click): the side panel of the
 * focused window where the browser allows it there, the same page in a tab where it does not.
 */
export async function openReviewFromBackground(): Promise<void> {
  // Asked first, so the panel that opens (or is already open) shows the review list.
  await requestView('review');
  try {
    const sidebar = (browser as unknown as WithSidebarAction).sidebarAction;
    if (browser.sidePanel) {
      const window = await browser.windows.getLastFocused();
      if (window.id === undefined) throw new Error('no window');
      await browser.sidePanel.open({ windowId: window.id });
    } else if (sidebar) {
      await sidebar.open();
    } else {
      throw new Error('no side panel');
    }
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html#review') });
  }
}
