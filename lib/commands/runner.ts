import { z } from '../schemas/zod';
import { DATA_TABLES, type LevelmateDatabase } from '../db/database';
import { parsePageUrl } from '../web/url';
import { RejectedCommandError, type Command, type CommandEnv } from './command';
import { finish, isEmpty, newDraft, notesOf, recordInto, type ChangeRecord } from './changes';
import type { Sender } from './senders';

/*
 * The one way anything is written: a command is looked up, its input validated, its sender
 * authorised, its work run in one transaction, and what changed recorded once and handed to
 * every subscriber (sync, badges, reminders, content scripts).
 */

// Each entry keeps its own input and result types; the runner only needs their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandTable = Readonly<Record<string, Command<any, any, any>>>;

export interface RunnerDeps {
  db: LevelmateDatabase;
  env: Omit<CommandEnv, 'sender' | 'now'>;
  now: () => number;
}

export interface Ran {
  value: unknown;
  /** Follow-ups that failed after the change was saved (the change stands; this says so). */
  warnings: string[];
}

export type Follower = (record: ChangeRecord) => void | Promise<void>;

export interface Runner {
  /**
   * Runs a command. With `after` (the worker's start-up work), the input is checked and
   * prepared at once, and only the transaction waits: a page woken worker recognises the page
   * while its database opens.
   */
  run(name: string, raw: unknown, sender: Sender, after?: Promise<unknown>): Promise<Ran>;
  /** Calls back after every command that changed something, before it is answered. */
  subscribe(follower: Follower): () => void;
}

/** Refuses what the sender may not do; answers the validated input. */
function authorise(name: string, entry: Command, raw: unknown, sender: Sender): unknown {
  if (!entry.from.includes(sender.kind)) {
    throw new RejectedCommandError(
      sender.kind === 'page'
        ? `a page may not send "${name}"`
        : `"${name}" is not for ${sender.kind} senders`,
    );
  }
  const parsed = entry.input.safeParse(raw);
  if (!parsed.success) {
    throw new RejectedCommandError(`malformed "${name}" message: ${z.prettifyError(parsed.error)}`);
  }
  if (sender.kind === 'page') {
    // Private windows are never recorded; a page there is only told so.
    if (sender.incognito && entry.incognito !== 'answered') {
      throw new RejectedCommandError('private windows are never recorded');
    }
    if (entry.subjectUrl) {
      // Same origin, not same address: single-page sites change the address without the
      // browser updating the sender's, and a page can move itself anywhere on its origin.
      const claimed = parsePageUrl(entry.subjectUrl(parsed.data))?.origin;
      if (claimed === undefined || claimed !== parsePageUrl(sender.url)?.origin) {
        throw new RejectedCommandError('a page may only report on its own site');
      }
    }
  }
  return parsed.data;
}

/** The disk is full (the browser says so in several ways as storage runs out). */
export class StorageFullError extends Error {
  constructor() {
    super('Your disk is full; nothing new is saved until space is freed. What you typed is kept.');
  }
}

/** Names and messages of an error and what caused it (Dexie keeps the browser's in `inner`). */
function causes(error: unknown): string {
  const parts: string[] = [];
  let current = error as { name?: unknown; message?: unknown; inner?: unknown } | null;
  for (let depth = 0; current && depth < 4; depth++) {
    parts.push(`${String(current.name)}: ${String(current.message)}`);
    current = current.inner as typeof current;
  }
  return parts.join(' / ');
}

const diskFull = (error: unknown) =>
  /QuotaExceeded|quota|backing store|disk.*full/i.test(causes(error));
const closed = (error: unknown) => /DatabaseClosed|backing store/i.test(causes(error));

export function createRunner(table: CommandTable, deps: RunnerDeps): Runner {
  const followers = new Set<Follower>();
  const { db } = deps;

  const tablesOf = (tables: Command['tables']) =>
    (tables === 'all' ? DATA_TABLES : tables === 'none' ? [] : tables).map((t) => db.table(t));

  return {
    async run(name, raw, sender, after) {
      const entry = Object.hasOwn(table, name) ? table[name] : undefined;
      if (!entry) throw new RejectedCommandError(`unknown message "${name}"`);
      const input = authorise(name, entry, raw, sender);
      const env: CommandEnv = { ...deps.env, sender, now: deps.now() };
      const [prepared] = await Promise.all([entry.prepare?.(input, env), after]);
      const draft = newDraft();
      const ctx = { ...env, db, prepared, note: notesOf(draft) };
      // An async function, so Dexie follows the awaits of the command inside it.
      const inTransaction = () =>
        db.transaction(entry.readOnly ? 'r' : 'rw', tablesOf(entry.tables), async (tx) => {
          recordInto(tx.idbtrans, draft);
          return await entry.run(input, ctx);
        });
      let value: unknown;
      try {
        value = entry.tables === 'none' ? await entry.run(input, ctx) : await inTransaction();
      } catch (error) {
        if (entry.tables === 'none' || !(closed(error) || diskFull(error))) throw error;
        // A full disk closes the database; once space is freed, opening it again is enough.
        // Nothing was written (the transaction failed whole), so one more try is safe.
        try {
          if (!db.isOpen() || closed(error)) {
            db.close();
            await db.open();
          }
          value = await inTransaction();
        } catch (again) {
          throw diskFull(again) || diskFull(error) ? new StorageFullError() : again;
        }
      }
      const record = finish(draft, name, sender.kind);
      if (isEmpty(record)) return { value, warnings: [] };
      // Every surface follows before the answer, so whoever sent it sees the browser agree;
      // a follower's failure (a closed tab, a refused permission) never undoes the change.
      const results = await Promise.allSettled([...followers].map(async (f) => f(record)));
      const warnings = results.flatMap((r) => {
        if (r.status === 'fulfilled') return [];
        console.warn(`Levelmate: after "${name}":`, r.reason);
        return [(r.reason as Error)?.message ?? String(r.reason)];
      });
      return { value, warnings };
    },
    subscribe(follower) {
      followers.add(follower);
      return () => followers.delete(follower);
    },
  };
}
