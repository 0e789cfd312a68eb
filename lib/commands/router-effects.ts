import { browser } from 'wxt/browser';
import { RejectedCommandError } from './command';
import { isCommandMessage, type CommandReply } from './protocol';
import type { Runner } from './runner';
import { senderOf, type BrowserSender } from './senders';

/**
 * Answers one message: who sent it (as the browser says), then the runner. Refusals are
 * logged and answered with the reason; nothing malformed reaches the database.
 */
export async function answer(
  runner: Runner,
  message: unknown,
  sender: BrowserSender,
  extension: { id: string; origin: string },
  ready?: Promise<unknown>,
): Promise<CommandReply> {
  if (!isCommandMessage(message)) return { ok: false, error: 'not a Levelmate message' };
  try {
    const { value, warnings } = await runner.run(
      message.type,
      message.data,
      senderOf(sender, extension),
      ready,
    );
    return { ok: true, value, warnings };
  } catch (error) {
    const reason = (error as Error).message;
    if (error instanceof RejectedCommandError)
      console.warn(`Levelmate refused "${message.type}":`, reason);
    else console.error(`Levelmate could not run "${message.type}":`, error);
    return { ok: false, error: reason };
  }
}

/** Routes every command message to the runner; its writes wait for the start-up work. */
export function listenForCommands(runner: Runner, ready: Promise<unknown>): void {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isCommandMessage(message)) return undefined;
    void answer(runner, message, sender, extension, ready).then(sendResponse);
    return true;
  });
}
