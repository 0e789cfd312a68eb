import type { z } from 'zod/mini';
import type { Commands } from './table';

/*
 * The wire between the extension's pages (and content scripts) and the background: one kind
 * of message for every command. Types only come from the command table, so a page's idea of
 * an input or a result can never drift from what the background runs.
 */

export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandResult<N extends CommandName> = Awaited<ReturnType<Commands[N]['run']>>;

export const COMMAND_CHANNEL = 'levelmate-command';

export interface CommandMessage {
  channel: typeof COMMAND_CHANNEL;
  type: string;
  data: unknown;
}

export type CommandReply =
  { ok: true; value: unknown; warnings: string[] } | { ok: false; error: string };

export function isCommandMessage(message: unknown): message is CommandMessage {
  const m = message as Partial<CommandMessage> | null;
  return m?.channel === COMMAND_CHANNEL && typeof m.type === 'string';
}
