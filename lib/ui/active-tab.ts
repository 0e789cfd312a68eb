import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  /** The tab's id, so the background answers from what the page itself reported. */
  id: number | undefined;
  /** Granted by activeTab when the popup opens; missing if the browser withholds it. */
  url: string | null;
  title: string;
  incognito: boolean;
  windowId: number | undefined;
}

export type ActiveTabState =
  { kind: 'loading' } | { kind: 'ready'; tab: ActiveTab } | { kind: 'failed'; message: string };

/** The tab the popup was opened over, read once when the popup opens. */
export function useActiveTab(): ActiveTabState {
  const [state, setState] = useState<ActiveTabState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const read = async (): Promise<ActiveTab> => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      // The window is needed before any click: opening the side panel must not wait for it.
      const windowId = tab?.windowId ?? (await browser.windows.getCurrent()).id;
      return {
        id: tab?.id,
        url: tab?.url ?? null,
        title: tab?.title ?? '',
        incognito: tab?.incognito ?? false,
        windowId,
      };
    };
    read().then(
      (tab) => live && setState({ kind: 'ready', tab }),
      (error: unknown) =>
        live &&
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
