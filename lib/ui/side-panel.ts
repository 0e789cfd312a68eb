import { browser } from 'wxt/browser';

type WithSidebarAction = { sidebarAction?: { open(): Promise<void> } };

/**
 * Opens Levelmate's panel: Chrome's side panel or Firefox's sidebar. Must be called straight
 * from a click handler, before any await: browsers open panels only during a user gesture.
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

export { onViewRequested, requestView, takeRequestedView } from '../services/view-request';
