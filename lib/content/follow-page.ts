import type { PageVerdict } from '../visits/page-verdict';
import { extractSignals } from '../recognition/signals';
import { trackActiveTime } from './active-time';
import { leaveChipRequest } from './chip-entry';
import type { sendToBackground } from './page-channel';

/** How often a single-page site's address is checked for a change. */
export const ADDRESS_POLL_MS = 1000;

/** Waits before asking again when the background did not answer (a worker waking up). */
export const RETRY_MS = [500, 2_000, 5_000];

/**
 * Sends until the background answers: a message sent while its service worker starts can be
 * lost, and a page's first report must not be. A refusal (an answer) is not retried.
 */
async function untilAnswered<T>(ask: () => Promise<T>): Promise<T> {
  for (const wait of RETRY_MS) {
    try {
      return await ask();
    } catch (error) {
      if (
        !/did not answer|Could not establish|Receiving end|message port closed/i.test(String(error))
      )
        throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return ask();
}

/**
 * Reports the page to the background, and each new address a single-page site moves to.
 * Active time is counted only for a page the background recorded, and is reported under that
 * page's address before the address changes.
 */
export function followPage(send: typeof sendToBackground): void {
  let url = location.href;
  let stopTiming: (() => void) | null = null;
  const stopTimingNow = () => {
    stopTiming?.();
    stopTiming = null;
  };

  const report = async () => {
    const pageUrl = url;
    const signals = extractSignals(document, pageUrl);
    const verdict: PageVerdict = await untilAnswered(() => send('pageSignals', signals));
    if (url !== pageUrl) return;
    if (verdict.recorded) {
      stopTiming = trackActiveTime(
        (ms) => void send('activeTime', { url: pageUrl, ms }).catch(() => undefined),
      );
    }
    if (!verdict.showChip || !verdict.resource) return;
    const { items, alternatives, countsFor } = verdict;
    const title = verdict.resource.title;
    leaveChipRequest({
      url: pageUrl,
      pageTitle: signals.title,
      title,
      items,
      alternatives,
      countsFor,
    });
    await send('openChip', { url: pageUrl });
  };

  const moved = () => {
    if (location.href.split('#')[0] === url.split('#')[0]) return;
    // The time read on the page so far belongs to the page, not to the next address.
    stopTimingNow();
    url = location.href;
    void report().catch(() => undefined);
  };
  // The Navigation API says "about to move" before the address changes; polling catches the
  // rest (and browsers without it).
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  const leaving = (event: Event) => {
    const next = (event as Event & { destination?: { url?: string } }).destination?.url;
    if (next && next.split('#')[0] !== url.split('#')[0]) stopTimingNow();
  };
  navigation?.addEventListener('navigate', leaving);
  // For the page's lifetime: the script ends with the page.
  setInterval(moved, ADDRESS_POLL_MS);
  void report().catch(() => undefined);
}
