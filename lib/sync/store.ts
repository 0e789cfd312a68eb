import { browser } from 'wxt/browser';
import type { LevelmateDatabase } from '../db/database';
import {
  changedKeys,
  itemRowOf,
  localValues,
  parseKey,
  valuesOf,
  type Values,
} from './local-values';
import { stampLocalChanges } from './local-changes';
import { holdFutureStamps, keepBothNotes } from './guards';
import { mergeShares, publishedBy, type Field, type Replica, type Share } from './replica';
import { fitShare, fromWire, itemsByDevice, quotaUse, readShare } from './storage-items';
import type { Guide } from '../schemas/guide';
import type { ItemStateRecord, SettingsRecord } from '../schemas/records';
import { isPiece, isShareMeta, ShareEntriesSchema, SyncMemorySchema } from '../schemas/sync';
import { levelChoice } from '../settings/choices';
import { readSettings } from '../settings/store';
import type { SyncStatus } from './status';
import { syncStatusItem } from './status-store';
import { storedItem } from '../db/stored-item';

/*
 * Progress that follows the person to each of their browsers, through the browser's own sync
 * storage (no server of ours). Each run: what changed here is stamped, every other browser's
 * share is read and checked, all are merged field by field, the result is written into this
 * browser's database, and this browser's share is written back within the quotas.
 */

/** What this browser remembers between runs (never synced). */
interface SyncMemory {
  device: string;
  /** The latest stamp this browser made. */
  clock: number;
  /** How far this browser has seen each device's changes (only grows). */
  seen: Record<string, number>;
  /** The merged map as of the last run: what "changed here since" is measured against. */
  replica: Replica;
  /** A backup was restored since the last run: its states carry the backup's times. */
  restore?: boolean;
}

const memoryItem = storedItem<SyncMemory | null>(
  'local:syncMemory',
  null,
  (value) => SyncMemorySchema.safeParse(value).success,
);
/** True when the person turned sync off in this browser. */
/**
 * The person's choice: sync on or off in this browser. Off until chosen (the welcome offers
 * it); a browser that synced before this choice was asked (it has a sync memory) stays on,
 * and one turned off then (the old "syncOff" mark) stays off.
 */
const syncChoiceItem = storedItem<'on' | 'off' | null>(
  'local:syncChoice',
  null,
  (v) => v === 'on' || v === 'off',
);
const legacySyncOff = storedItem<boolean>('local:syncOff', false, (v) => typeof v === 'boolean');

async function savedMemory(): Promise<SyncMemory | undefined> {
  return (await memoryItem.get()) ?? undefined;
}

async function memory(): Promise<SyncMemory> {
  const saved = await savedMemory();
  if (saved) return saved;
  const device = crypto.randomUUID().replace(/-/g, '').slice(0, 10);
  return { device, clock: 0, seen: {}, replica: {} };
}

/** This browser's device id in sync storage, once it has synced. */
export async function syncDevice(): Promise<string | null> {
  return (await savedMemory())?.device ?? null;
}

export async function isSyncOn(): Promise<boolean> {
  const choice = await syncChoiceItem.get();
  if (choice !== null) return choice === 'on';
  return !(await legacySyncOff.get()) && (await memoryItem.get()) !== null;
}

const setStatus = (status: SyncStatus) => syncStatusItem.set(status);

/** Entries this browser can hold: the installed guides' items and level choices. */
function knownKeys(guides: readonly Guide[]): (key: string) => boolean {
  const items = new Set(
    guides.flatMap((g) => g.levels.flatMap((l) => l.items.map((i) => `${g.id}|${i.id}`))),
  );
  const guideIds = new Set(guides.map((g) => g.id));
  return (key) => {
    const parsed = parseKey(key);
    if (!parsed) return false;
    if (parsed.kind === 'item') return items.has(`${parsed.guideId}|${parsed.itemId}`);
    if (parsed.kind === 'level') return guideIds.has(parsed.guideId);
    return true;
  };
}

interface OtherShares {
  shares: Share[];
  /** Devices with a share in sync storage, readable or not yet complete. */
  publishing: Set<string>;
  /** Whether every share could be read (else no deletion is forgotten this time). */
  allRead: boolean;
  problems: string[];
}

function readOthers(all: Record<string, unknown>, device: string): OtherShares {
  const found: OtherShares = { shares: [], publishing: new Set(), allRead: true, problems: [] };
  for (const [other, items] of itemsByDevice(all)) {
    if (other === device) continue;
    const share = readShare(other, items, isShareMeta, isPiece);
    if (share.kind === 'incomplete') {
      found.publishing.add(other);
      found.allRead = false;
      continue;
    }
    const entries = share.kind === 'ready' ? ShareEntriesSchema.safeParse(share.wire) : null;
    if (share.kind === 'unreadable' || !entries?.success) {
      found.allRead = false;
      found.problems.push(
        `Progress from another browser could not be read${entries?.error ? ` (${entries.error.issues[0]?.message})` : ''}; it was left out and nothing here changed because of it.`,
      );
      continue;
    }
    found.publishing.add(other);
    found.shares.push({ entries: fromWire(entries.data as never), seen: share.meta.seen });
  }
  return found;
}

/** What another browser's sync removed here is kept this long, to be restored. */
const TRASH_KEPT_MS = 30 * 86_400_000;

/**
 * Writes the merged values into this browser's database, where they differ from it. A row
 * another browser deleted, or a note it emptied, goes into the sync trash first.
 */
async function applyValues(
  db: LevelmateDatabase,
  settings: SettingsRecord,
  current: Values,
  merged: Replica,
  known: (key: string) => boolean,
  now: number,
): Promise<void> {
  const target = restrict(valuesOf(merged), known);
  const keys = changedKeys(current, target);
  let settingsChanged = false;
  const levels = { ...settings.currentLevels };
  let { excludedSites, showChip } = settings;
  // A choice taken from the merge is as old as its stamp, as an item row's state is: a later
  // run (or joining again) does not make it newer than it is. The chip shown by default (no
  // value) has no time, so this browser describes it as the merge does (localValues).
  const choiceAt = { ...settings.choiceAt };
  const adopted = (choice: string, field: Field | undefined, timeless = false) => {
    if (field && !(timeless && field.v === null)) choiceAt[choice] = field.s.t;
    else delete choiceAt[choice];
  };
  await db.syncTrash
    .where('removedAt')
    .below(now - TRASH_KEPT_MS)
    .delete();
  for (const key of keys) {
    const parsed = parseKey(key);
    const fields = target[key] ?? {};
    if (parsed?.kind === 'item') {
      const row = itemRowOf(key, merged[key] ?? {});
      const before = await db.itemStates.get([parsed.guideId, parsed.itemId]);
      const lost = before && (before.state !== 'not-started' || before.note !== '');
      if (before && lost && !row) {
        await db.syncTrash.add({ batch: now, removedAt: now, row: before, what: 'item' } as never);
      } else if (before && row && before.note !== '' && row.note === '') {
        await db.syncTrash.add({ batch: now, removedAt: now, row: before, what: 'note' } as never);
      }
      if (row) await db.itemStates.put({ ...row, ...keptDoneAt(before, row) } as ItemStateRecord);
      else await db.itemStates.delete([parsed.guideId, parsed.itemId]);
    } else if (parsed?.kind === 'level') {
      const level = fields.level;
      if (typeof level === 'number') levels[parsed.guideId] = level;
      else delete levels[parsed.guideId];
      adopted(levelChoice(parsed.guideId), merged[key]?.level);
      settingsChanged = true;
    } else if (parsed?.kind === 'settings') {
      // None is the default: no excluded sites, the chip shown.
      excludedSites = Array.isArray(fields.excludedSites) ? (fields.excludedSites as string[]) : [];
      showChip = fields.showChip !== false;
      adopted('showChip', merged[key]?.showChip, true);
      settingsChanged = true;
    }
  }
  if (settingsChanged) {
    await db.settings.put({
      ...settings,
      currentLevels: levels,
      excludedSites,
      showChip,
      choiceAt,
    });
  }
}

/** A done item keeps the time it was done here when sync only confirms it is done. */
function keptDoneAt(
  before: ItemStateRecord | undefined,
  row: { state: string; doneAt?: number },
): { doneAt?: number } {
  return before?.state === 'done' && row.state === 'done' && before.doneAt !== undefined
    ? { doneAt: before.doneAt }
    : {};
}

/** Only the entries this browser holds. */
function restrict(values: Values, known: (key: string) => boolean): Values {
  return Object.fromEntries(Object.entries(values).filter(([key]) => known(key)));
}

/** The words of a failed write to sync storage. */
function writeProblem(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  if (/QUOTA_BYTES|quota/i.test(message)) {
    return 'The browser’s sync storage is full; Levelmate will try again with less.';
  }
  if (/MAX_WRITE_OPERATIONS/i.test(message)) {
    return 'The browser limits how often extensions sync; Levelmate will try again in a minute.';
  }
  return `The browser did not sync (${message.slice(0, 120)}); Levelmate will try again.`;
}

/** What a run hands to its transaction: this browser's memory and the others' shares. */
export interface MergeInput {
  device: string;
  clock: number;
  seen: Record<string, number>;
  replica: Replica;
  restore: boolean;
  shares: Share[];
  allRead: boolean;
}

export interface MergeResult {
  merged: Replica;
  seen: Record<string, number>;
  clock: number;
  /** Changes from other browsers dated more than a day ahead: held, not applied. */
  held: number;
}

/**
 * The database side of a run, inside one transaction over item states and settings: what
 * changed here is stamped, the shares are merged in, and the result is written where it
 * differs. (The 'mergeSync' command runs it, so its writes are recorded like any other.)
 */
export async function mergeIntoDatabase(
  db: LevelmateDatabase,
  input: MergeInput,
  guides: readonly Guide[],
  now: number,
): Promise<MergeResult> {
  const known = knownKeys(guides);
  const settings = await readSettings(db);
  const { values: current, changedAt } = localValues(
    await db.itemStates.toArray(),
    settings,
    guides.map((g) => g.id),
  );
  const stamped = stampLocalChanges(input.replica, current, {
    device: input.device,
    now,
    clock: input.clock,
    known,
    changedAt,
    restore: input.restore,
  });
  const { shares, held } = holdFutureStamps(input.shares, now);
  // A level taken back is an empty entry that must outlive every browser's memory of it:
  // dropped, the level a backup gave a browser that joins later would come back. One per guide.
  const mergedShares = mergeShares(
    stamped.replica,
    input.seen,
    shares,
    input.allRead,
    (key) => parseKey(key)?.kind === 'level',
  );
  const notes = keepBothNotes(input.replica, current, mergedShares.merged, shares, {
    device: input.device,
    clock: stamped.clock,
    now,
  });
  await applyValues(db, settings, current, notes.merged, known, now);
  return { merged: notes.merged, seen: mergedShares.seen, clock: notes.clock, held };
}

/** One sync run; `merge` runs mergeIntoDatabase as a command. */
export async function syncOnce(
  merge: (input: MergeInput) => Promise<MergeResult>,
  now: number,
): Promise<SyncStatus> {
  if (!(await isSyncOn())) {
    const status: SyncStatus = {
      on: false,
      lastSync: null,
      otherBrowsers: 0,
      localNotes: [],
      problem: null,
    };
    await setStatus(status);
    return status;
  }
  const mem = await memory();
  const all = await browser.storage.sync.get(null);
  const others = readOthers(all, mem.device);
  const { merged, seen, clock, held } = await merge({
    device: mem.device,
    clock: mem.clock,
    seen: mem.seen,
    replica: mem.replica,
    restore: mem.restore === true,
    shares: others.shares,
    allRead: others.allRead,
  });
  await memoryItem.set({ device: mem.device, clock, seen, replica: merged });

  // This browser's share: what it wrote last, within what the other browsers leave free.
  const mine = (key: string) => key.startsWith(`${mem.device}.`);
  const othersItems = Object.fromEntries(Object.entries(all).filter(([key]) => !mine(key)));
  const publishing = new Set([...others.publishing, mem.device]);
  const { items, localNotes } = fitShare(
    mem.device,
    { seen, entries: publishedBy(merged, mem.device, publishing) },
    quotaUse(othersItems),
  );
  const changed = Object.fromEntries(
    Object.entries(items).filter(
      ([key, value]) => JSON.stringify(all[key]) !== JSON.stringify(value),
    ),
  );
  const stale = Object.keys(all).filter((key) => mine(key) && !(key in items));
  let problem =
    others.problems[0] ??
    (held > 0
      ? `${held} change${held === 1 ? '' : 's'} from another browser ${held === 1 ? 'is' : 'are'} dated more than a day ahead of this computer's clock; ${held === 1 ? 'it was' : 'they were'} held, not applied. Check the date and time of your computers.`
      : null);
  try {
    // One write and at most one removal per run: the browser counts operations, not keys.
    if (Object.keys(changed).length > 0) await browser.storage.sync.set(changed);
    if (stale.length > 0) await browser.storage.sync.remove(stale);
  } catch (error) {
    problem = writeProblem(error);
  }
  const status: SyncStatus = {
    on: true,
    lastSync: problem ? ((await lastStatus())?.lastSync ?? null) : now,
    otherBrowsers: publishing.size - 1,
    localNotes: localNotes.map((key) => {
      const parsed = parseKey(key);
      return parsed?.kind === 'item' ? parsed.itemId : key;
    }),
    problem,
  };
  await setStatus(status);
  return status;
}

/** A backup was restored: the next run stamps its states with their own times. */
export async function noteRestore(): Promise<void> {
  const mem = await savedMemory();
  if (mem) await memoryItem.set({ ...mem, restore: true });
}

async function lastStatus(): Promise<SyncStatus | undefined> {
  return (await syncStatusItem.get()) ?? undefined;
}

/**
 * Stops syncing in this browser: its share leaves sync storage (the other browsers keep
 * everything they merged, and take over publishing it) and its memory of the map is dropped.
 */
export async function leaveSync(): Promise<void> {
  const mem = await savedMemory();
  if (mem) {
    const all = await browser.storage.sync.get(null);
    const mine = Object.keys(all).filter((key) => key.startsWith(`${mem.device}.`));
    if (mine.length > 0) await browser.storage.sync.remove(mine);
  }
  await memoryItem.remove();
  await syncChoiceItem.set('off');
  await setStatus({ on: false, lastSync: null, otherBrowsers: 0, localNotes: [], problem: null });
}

/**
 * Turns sync back on: the next run merges this browser's data with the others'. It starts
 * from no memory of the map, so it never publishes a deletion of what it merely does not have.
 */
export async function joinSync(): Promise<void> {
  await memoryItem.remove();
  await syncChoiceItem.set('on');
  await setStatus({ on: true, lastSync: null, otherBrowsers: 0, localNotes: [], problem: null });
}
