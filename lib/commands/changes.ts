import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { DataTable } from '../db/database';
import type { Recognition } from '../recognition/recognise';
import type { SettingsRecord } from '../schemas/records';
import type { PageVerdict } from '../visits/page-verdict';
import type { SenderKind } from './senders';

/*
 * What a command changed, recorded once, by the database itself: a middleware sees every
 * write of a command's transaction (tables, item keys, settings fields), so no command can
 * forget to say what it changed. Sync, badges, reminders and content-script registration
 * follow these records; none of them keeps a list of message names.
 */

/** A page a content script reported, as the background judged it (for badges and memory). */
export interface PageSeen {
  tabId: number;
  url: string;
  /** What the page was recognised as; left out when the verdict changes but not that. */
  recognition?: Recognition | null;
  verdict: PageVerdict;
}

export interface ChangeRecord {
  command: string;
  from: SenderKind;
  tables: ReadonlySet<DataTable>;
  /** Item states written or deleted, as "guideId|itemId". */
  items: ReadonlySet<string>;
  /** Settings fields whose value changed. */
  settings: ReadonlySet<keyof SettingsRecord>;
  pages: readonly PageSeen[];
  /** The item states came from a backup: they carry the backup's times, not a new edit's. */
  restore: boolean;
}

/** What a command adds to its record that the database cannot tell. */
export interface ChangeNotes {
  page(seen: PageSeen): void;
  restore(): void;
}

interface Draft {
  tables: Set<DataTable>;
  items: Set<string>;
  settings: Set<keyof SettingsRecord>;
  pages: PageSeen[];
  restore: boolean;
}

const drafts = new WeakMap<object, Draft>();

export function newDraft(): Draft {
  return { tables: new Set(), items: new Set(), settings: new Set(), pages: [], restore: false };
}

/** Collects the writes of a transaction into a draft (its IDBTransaction is the key). */
export function recordInto(idbTransaction: object, draft: Draft): void {
  drafts.set(idbTransaction, draft);
}

export function notesOf(draft: Draft): ChangeNotes {
  return {
    page: (seen) => void draft.pages.push(seen),
    restore: () => void (draft.restore = true),
  };
}

export function finish(draft: Draft, command: string, from: SenderKind): ChangeRecord {
  return { command, from, ...draft };
}

export const isEmpty = (record: ChangeRecord) =>
  record.tables.size === 0 && record.pages.length === 0;

const ALL_SETTINGS: (keyof SettingsRecord)[] = [
  'currentLevels',
  'pausedUntil',
  'excludedSites',
  'recogniseAnySite',
  'showChip',
  'reminder',
];

const itemKeyOf = (key: unknown) => (Array.isArray(key) ? key.join('|') : String(key));

/** The settings fields a write changes: its rows against what they were before it. */
function noteSettings(table: DBCoreTable, req: DBCoreMutateRequest, draft: Draft) {
  if (req.type !== 'put' && req.type !== 'add') {
    for (const key of ALL_SETTINGS) draft.settings.add(key);
    return undefined;
  }
  const rows = req.values as SettingsRecord[];
  // The database's own promise, not an async function: a transaction does not outlive a
  // native promise's turn.
  return table.getMany({ trans: req.trans, keys: rows.map((r) => r.id) }).then((before) => {
    rows.forEach((value, i) => {
      const old = before[i] as Partial<SettingsRecord> | undefined;
      for (const key of ALL_SETTINGS) {
        if (JSON.stringify(old?.[key] ?? null) !== JSON.stringify(value[key] ?? null)) {
          draft.settings.add(key);
        }
      }
    });
  });
}

function noteItems(req: DBCoreMutateRequest, draft: Draft) {
  if (req.type === 'put' || req.type === 'add') {
    for (const row of req.values as { guideId: string; itemId: string }[])
      draft.items.add(`${row.guideId}|${row.itemId}`);
  } else if (req.type === 'delete') {
    for (const key of req.keys) draft.items.add(itemKeyOf(key));
  }
}

/** The Dexie middleware that fills a transaction's draft. */
export const changeRecorder: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'levelmate-change-record',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        mutate(req) {
          const draft = drafts.get(req.trans as object);
          if (!draft) return table.mutate(req);
          draft.tables.add(name as DataTable);
          if (name === 'itemStates') noteItems(req, draft);
          const noted = name === 'settings' ? noteSettings(table, req, draft) : undefined;
          return noted ? noted.then(() => table.mutate(req)) : table.mutate(req);
        },
      };
    },
  }),
};
