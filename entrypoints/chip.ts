import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startChip } from '@/lib/content/chip-entry';
import { sendToBackground } from '@/lib/content/page-channel';

/** The in-page chip, injected by the background into a tab when its page calls for it. */
export default defineUnlistedScript(() => startChip(sendToBackground));
