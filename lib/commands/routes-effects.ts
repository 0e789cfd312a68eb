import { browser, type Browser } from 'wxt/browser';
import { PAGE_CHANNEL, type PageMessage, type PageReply } from '../content/page-channel';
import { CONTENT_SCRIPT_MESSAGES, type MessageName } from './messages';
import {
  dispatch,
  MESSAGE_NAMES,
  RejectedMessageError,
  type HandlerContext,
  type Sender,
} from './handlers';
import { onMessage } from './protocol';

/**
 * Who sent a message, as the browser (not the message) says: the extension's own pages (an
 * address on the extension's origin) are trusted; a content script is its tab and page;
 * anything else (no address, no tab) is refused.
 */
export function senderOf(sender: Browser.runtime.MessageSender, extensionOrigin: string): Sender {
  const { tab, url } = sender;
  if (url?.startsWith(extensionOrigin)) return {};
  if (!tab || tab.id === undefined || !url) {
    throw new RejectedMessageError('a message from an unknown sender');
  }
  return { tab: { id: tab.id, url, incognito: tab.incognito } };
}

function isPageMessage(message: unknown): message is PageMessage {
  const m = message as Partial<PageMessage> | null;
  return m?.channel === PAGE_CHANNEL && CONTENT_SCRIPT_MESSAGES.has(m.type as MessageName);
}

/**
 * Routes every message to its handler once start-up work is done: the extension's pages use
 * the typed messaging library; content scripts use the small page channel. Refusals are
 * logged and answered with the reason; nothing malformed reaches the database.
 */
export function registerMessageRoutes(ctx: HandlerContext, ready: Promise<unknown>): void {
  const origin = browser.runtime.getURL('/');
  const run = async (name: MessageName, data: unknown, sender: Browser.runtime.MessageSender) => {
    await ready;
    try {
      return await dispatch(name, data, senderOf(sender, origin), ctx);
    } catch (error) {
      console.warn(`Levelmate refused "${name}":`, (error as Error).message);
      throw error;
    }
  };

  for (const name of MESSAGE_NAMES) {
    onMessage(name, ({ data, sender }) => run(name, data, sender) as never);
  }

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isPageMessage(message)) return undefined;
    run(message.type, message.data, sender).then(
      (value) => sendResponse({ ok: true, value } satisfies PageReply),
      (error: Error) => sendResponse({ ok: false, error: error.message } satisfies PageReply),
    );
    return true;
  });
}
