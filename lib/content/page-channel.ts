import { browser } from 'wxt/browser';
import {
  COMMAND_CHANNEL,
  type CommandInput,
  type CommandMessage,
  type CommandName,
  type CommandReply,
  type CommandResult,
} from '../commands/protocol';

/*
 * The content script's way to the background: the same command messages the extension's
 * pages send, with nothing else loaded (it runs on learning pages and must stay tiny). The
 * background decides what a page may send.
 */

export async function sendToBackground<N extends CommandName>(
  type: N,
  data: CommandInput<N>,
): Promise<CommandResult<N>> {
  const message: CommandMessage = { channel: COMMAND_CHANNEL, type, data };
  const reply = (await browser.runtime.sendMessage(message)) as CommandReply | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'Levelmate did not answer');
  return reply.value as CommandResult<N>;
}
