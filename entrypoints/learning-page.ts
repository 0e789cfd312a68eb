import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { trackActiveTime } from '@/lib/content/active-time';
import { showChip } from '@/lib/content/chip';
import { sendToBackground } from '@/lib/content/page-channel';
import { extractSignals } from '@/lib/domain/recognition/signals';

/*
 * The content script. WXT builds it as an unlisted script (no framework runtime, so it stays
 * a few kilobytes); wxt.config.ts lists it in the manifest with the learning sites' matches.
 */
export default defineUnlistedScript(() => {
  // The static script and the opt-in "any site" script may both match a page: run once.
  const flags = globalThis as { levelmateStarted?: boolean };
  if (flags.levelmateStarted) return;
  flags.levelmateStarted = true;

  let url = location.href;
  const report = async () => {
    const verdict = await sendToBackground('pageSignals', extractSignals(document, url));
    if (!verdict.showChip || !verdict.resource) return;
    const page = { url, title: document.title };
    showChip(verdict.resource.title, verdict.levels, {
      onStudied: () => sendToBackground('markStudied', page),
      onNotThis: () => sendToBackground('notLearningPage', { url: page.url }),
    });
  };
  void report();
  trackActiveTime((ms) => void sendToBackground('activeTime', { url, ms }).catch(() => undefined));
  // Single-page sites change the address without loading a page: that is a new page to report.
  setInterval(() => {
    if (location.href.split('#')[0] === url.split('#')[0]) return;
    url = location.href;
    void report();
  }, 1000);
});
