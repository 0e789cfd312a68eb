import { sendMessage, type LevelmateProtocol } from '../commands/protocol';
import { useNotices } from '../stores/notices';

type Name = keyof LevelmateProtocol;
type Data<N extends Name> = Parameters<LevelmateProtocol[N]>[0];
type Result<N extends Name> = ReturnType<LevelmateProtocol[N]>;

export type Sent<T> = { ok: true; value: T } | { ok: false };

/** Sends a message and answers with the background's reply; a refusal throws. */
export const request = sendMessage;

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
export async function send<N extends Name>(
  name: N,
  data: Data<N>,
  action: string,
): Promise<Sent<Result<N>>> {
  try {
    return { ok: true, value: (await sendMessage(name, data as never)) as Result<N> };
  } catch (error) {
    useNotices.getState().reportError(describeFailure(action, error));
    return { ok: false };
  }
}
