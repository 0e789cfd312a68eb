import { browser } from 'wxt/browser';
import {
  COMMAND_CHANNEL,
  type CommandInput,
  type CommandMessage,
  type CommandName,
  type CommandReply,
  type CommandResult,
} from '../commands/protocol';
import { useNotices } from '../stores/notices';

/*
 * The extension's pages write by sending commands to the background (lib/commands). The
 * input and result types come from the command table itself.
 */

export type { CommandInput, CommandName, CommandResult };

export type Sent<T> = { ok: true; value: T } | { ok: false };

/** Sends a command and answers with its result; a refusal throws with the reason. */
export async function request<N extends CommandName>(
  name: N,
  data: CommandInput<N>,
): Promise<CommandResult<N>> {
  const message: CommandMessage = { channel: COMMAND_CHANNEL, type: name, data };
  const reply = (await browser.runtime.sendMessage(message)) as CommandReply | undefined;
  if (!reply) throw new Error('Levelmate’s background service did not answer');
  if (!reply.ok) throw new Error(reply.error);
  // The change is saved; a follow-up the browser refused (a permission, a closed tab) is said.
  for (const warning of reply.warnings)
    useNotices
      .getState()
      .reportError(`Saved, but the browser did not follow all of it yet (${warning}).`);
  return reply.value as CommandResult<N>;
}

/** The background's refusal, in a sentence: "Could not save the note: unknown item …". */
export function describeFailure(action: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error))
    .trim()
    .replace(/[.!]+$/, '');
  return `Could not ${action}: ${reason || 'Levelmate’s background service did not answer'}.`;
}

/**
 * Sends a write to the background. A refusal is shown in the notices area (never swallowed),
 * so a click handler need not catch; `action` completes "Could not …".
 */
export async function send<N extends CommandName>(
  name: N,
  data: CommandInput<N>,
  action: string,
): Promise<Sent<CommandResult<N>>> {
  try {
    return { ok: true, value: await request(name, data) };
  } catch (error) {
    useNotices.getState().reportError(describeFailure(action, error));
    return { ok: false };
  }
}
