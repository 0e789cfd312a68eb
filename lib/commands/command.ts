import type { z } from 'zod/mini';
import type { LevelmateDatabase, DataTable } from '../db/database';
import type { Recognition } from '../recognition/recognise';
import type { PageSignals } from '../recognition/signals';
import type { Guide } from '../schemas/guide';
import type { ChangeNotes } from './changes';
import type { Sender, SenderKind } from './senders';

/*
 * A command is every write (and the few reads that need the background) as one table entry:
 * what its input looks like, who may send it, the page it is about, the tables its one
 * transaction covers, and what it does. The runner (runner.ts) does the rest the same way for
 * every command: validate, authorise by the real sender, run in one transaction, record what
 * changed. Adding a command is adding an entry to a feature's commands.ts.
 */

/** What a command may use outside its transaction: the clock, the guides, browser services. */
export interface CommandEnv {
  guides: readonly Guide[];
  now: number;
  sender: Sender;
  recognise: (signals: PageSignals) => Promise<Recognition | null>;
  services: CommandServices;
}

/** The browser's side of things, which never runs inside a transaction. */
export interface CommandServices {
  /** What each tab's page was recognised as, this browser session (see visits/page-memory). */
  pages: {
    recall(tabId: number, url: string): Promise<Recognition | null | undefined>;
  };
  /** Sync through the browser's account, one run at a time. */
  sync: {
    join(): Promise<void>;
    leave(): Promise<void>;
    now(): Promise<void>;
  };
  /** Puts the in-page chip into a tab (its own script, injected only when called for). */
  showChip(tabId: number): Promise<void>;
  /** Whether a page is on a learning site, and whether the person let Levelmate read it. */
  siteAccess(url: string): Promise<{ state: 'granted' | 'needed'; origin: string } | null>;
}

/** What a command's run gets: the database (inside its transaction) and what prepare found. */
export interface RunContext<P> extends CommandEnv {
  db: LevelmateDatabase;
  prepared: P;
  /** Notes for the change record that the database cannot tell (a page's verdict, a restore). */
  note: ChangeNotes;
}

export interface Command<S extends z.ZodMiniType = z.ZodMiniType, P = unknown, R = unknown> {
  input: S;
  /** Who may send it: the extension's own pages, a content script, or only the background. */
  from: readonly SenderKind[];
  /**
   * The page a content script's message is about: it must be on the sender's own site. A
   * command a page may send either declares this or is about nothing but the sender itself.
   */
  subjectUrl?: (input: z.output<S>) => string;
  /** May a page in a private window send it? Only to be told that nothing is recorded. */
  incognito?: 'answered';
  /** The tables its one transaction covers ('none': no database work at all). */
  tables: readonly DataTable[] | 'all' | 'none';
  /** Read-only commands take a read transaction. */
  readOnly?: boolean;
  /** Work before the transaction: browser state, parsing a file. No writes. */
  prepare?: (input: z.output<S>, env: CommandEnv) => Promise<P>;
  run: (input: z.output<S>, ctx: RunContext<P>) => Promise<R>;
}

/** Declares a command with its types inferred from the entry itself. */
export function command<S extends z.ZodMiniType, P = undefined, R = void>(
  entry: Command<S, P, R>,
): Command<S, P, R> {
  return entry;
}

/** A message refused before or while running: malformed, unauthorised, or about nothing. */
export class RejectedCommandError extends Error {}
