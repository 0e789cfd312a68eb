import { RejectedCommandError } from './command';

/*
 * Who sent a message, as the browser (never the message) says. The extension's own pages (an
 * address on the extension's origin) are trusted; a content script is its tab and its page;
 * the background's own work (sync, start-up) runs as 'background'. Anything else is refused.
 */

export type SenderKind = 'extension' | 'page' | 'background';

export type Sender =
  | { kind: 'extension' }
  | { kind: 'page'; tabId: number; url: string; incognito: boolean }
  | { kind: 'background' };

/** The parts of the browser's MessageSender this decision reads. */
export interface BrowserSender {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean };
}

export function senderOf(sender: BrowserSender, extension: { id: string; origin: string }): Sender {
  const { tab, url } = sender;
  if (sender.id !== extension.id)
    throw new RejectedCommandError('a message from another extension');
  if (url?.startsWith(extension.origin)) return { kind: 'extension' };
  if (!tab || tab.id === undefined || tab.id < 0 || !url) {
    throw new RejectedCommandError('a message from an unknown sender');
  }
  return { kind: 'page', tabId: tab.id, url, incognito: tab.incognito === true };
}

export const BACKGROUND: Sender = { kind: 'background' };
