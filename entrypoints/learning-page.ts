import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { followPage } from '@/lib/content/follow-page';
import { sendToBackground } from '@/lib/content/page-channel';

/*
 * The content script. WXT builds it as an unlisted script (no framework runtime, so it stays
 * a few kilobytes); the background registers it at run time for the learning sites granted.
 */
export default defineUnlistedScript(() => {
  // Registered twice (learning sites and the opt-in "any site"), it may be injected twice.
  const flags = globalThis as { levelmateStarted?: boolean };
  if (flags.levelmateStarted) return;
  flags.levelmateStarted = true;
  followPage(sendToBackground);
});
