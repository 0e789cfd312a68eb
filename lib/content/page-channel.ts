import { browser } from 'wxt/browser';
import type { PAGE_MESSAGES } from '../schemas/constants';
import type { LevelmateProtocol } from '../commands/protocol';

/*
 * The content script's way to the background. It runs on learning pages and must stay tiny,
 * so it speaks this minimal channel rather than carrying the messaging library the extension's
 * own pages use. The background validates every message the same way either route.
 */

export const PAGE_CHANNEL = 'levelmate-page';

export type PageMessageName = (typeof PAGE_MESSAGES)[number];

export interface PageMessage {
  channel: typeof PAGE_CHANNEL;
  type: PageMessageName;
  data: unknown;
}

export type PageReply = { ok: true; value: unknown } | { ok: false; error: string };

export async function sendToBackground<N extends PageMessageName>(
  type: N,
  data: Parameters<LevelmateProtocol[N]>[0],
): Promise<ReturnType<LevelmateProtocol[N]>> {
  const message: PageMessage = { channel: PAGE_CHANNEL, type, data };
  const reply = (await browser.runtime.sendMessage(message)) as PageReply | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'Levelmate did not answer');
  return reply.value as ReturnType<LevelmateProtocol[N]>;
}
