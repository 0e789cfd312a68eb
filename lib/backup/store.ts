import type { z } from 'zod/mini';
import { migrateBackup, progressCount, unknownInBackup } from './backup-check';
import { explainIssue, issuePath, sniffNonJson } from './backup-words';
import {
  DATA_TABLES,
  PLAIN_BACKUP_TABLES,
  type LevelmateDatabase,
  type StoredVisit,
} from '../db/database';
import { addDayRows } from '../visits/store';
import { BackupFile, BackupHeader, type BackupTables } from '../schemas/backup';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  LIMITS,
  MAX_BACKUP_BYTES,
} from '../schemas/constants';
import { mergeNotes } from '../progress/note-merge';
import { levelChoice } from '../settings/choices';
import type { Guide } from '../schemas/guide';
import type { ItemStateRecord, SettingsRecord } from '../schemas/records';

export type ImportMode = 'replace' | 'merge';

/** A backup that cannot be imported: what is wrong in words, and exactly where. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly details = '',
  ) {
    super(message);
  }
}

export async function exportBackup(
  db: LevelmateDatabase,
  guides: readonly Guide[],
  now: number,
): Promise<BackupFile> {
  return db.transaction(
    'r',
    [...PLAIN_BACKUP_TABLES.map((name) => db.table(name)), db.visitDays],
    async () => {
      const plain = Object.fromEntries(
        await Promise.all(
          PLAIN_BACKUP_TABLES.map(async (name) => [name, await db.table(name).toArray()] as const),
        ),
      );
      // Visits one by one, in id order: the file reads the same whatever the storage model.
      const visits = (await db.visitDays.toArray()).flatMap((day) => day.visits);
      const tables = { ...plain, visits } as BackupTables;
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        exportedAt: new Date(now).toISOString(),
        guides: guides.map((guide) => ({ id: guide.id, contentVersion: guide.contentVersion })),
        tables,
      };
    },
  );
}

function refuse(error: z.core.$ZodError): BackupError {
  const issues = error.issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return new BackupError(
    explainIssue(issues[0]!) + more,
    issues.slice(0, 20).map(issuePath).join('\n'),
  );
}

function firstDuplicate<T>(rows: readonly T[], key: (row: T) => string): [number, string] | null {
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const k = key(row);
    if (seen.has(k)) return [index, k];
    seen.add(k);
  }
  return null;
}

const DUPLICATE_KEYS: { [T in keyof BackupTables]?: (row: BackupTables[T][number]) => string } = {
  itemStates: (r) => `${r.guideId} / ${r.itemId}`,
  visits: (r) => `${r.url} first visited at ${r.firstVisitAt}`,
  activity: (r) => r.day,
  urlChoices: (r) => r.url,
  guideVersions: (r) => r.guideId,
};

/** Rows that would overwrite each other are an error in the file, not something to guess at. */
function checkDuplicates(tables: BackupTables): void {
  const ids = firstDuplicate(
    tables.visits.filter((v) => v.id !== undefined),
    (v) => String(v.id),
  );
  if (ids) {
    throw new BackupError(
      `The file lists two studied pages with the same number (${ids[1]}); it may have been edited by hand.`,
      `tables.visits: duplicate id ${ids[1]}`,
    );
  }
  for (const [table, key] of Object.entries(DUPLICATE_KEYS)) {
    const duplicate = firstDuplicate(tables[table as keyof BackupTables] as never[], key as never);
    if (duplicate) {
      throw new BackupError(
        `The file lists the same ${table === 'activity' ? 'day' : 'entry'} twice (${duplicate[1]}); it may have been edited by hand.`,
        `tables.${table}.${duplicate[0]}: duplicate entry for ${duplicate[1]}`,
      );
    }
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Reads a backup file's text and validates all of it before anything is written. Throws a
 * BackupError saying what is wrong, with the exact place in its details.
 */
export function parseBackup(text: string): BackupFile {
  if (text.length > MAX_BACKUP_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    throw new BackupError(
      `This file is ${mb} MB; a Levelmate backup is at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB. Is it the right file?`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const kind = sniffNonJson(text);
    throw new BackupError(
      kind
        ? `This file is ${kind}, not a Levelmate backup.`
        : text.trim() === ''
          ? 'This file is empty, not a Levelmate backup.'
          : 'This file is not valid JSON: it may be cut short, or not a Levelmate backup.',
      (error as Error).message,
    );
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new BackupError(
      'This file is not a Levelmate backup.',
      `expected a JSON object with "format": "${BACKUP_FORMAT}"`,
    );
  }
  // The header first, so a newer or foreign file gets that message rather than a hundred others.
  const header = BackupHeader.safeParse(json);
  if (!header.success) {
    const [first] = header.error.issues;
    throw new BackupError(capitalise(`${first!.message}.`), issuePath(first!));
  }
  const result = BackupFile.safeParse(json, { reportInput: true });
  if (!result.success) throw refuse(result.error);
  checkDuplicates(result.data.tables);
  return result.data;
}

/**
 * Brings the backup up to the installed guides and refuses it, whole, if anything in it is
 * still unknown (an item, a guide, a visit whose site is not its address's).
 */
function prepare(backup: BackupFile, guides: readonly Guide[], now: number): BackupTables {
  const saved = new Map<string, number>();
  for (const guide of guides) {
    const version =
      backup.tables.guideVersions.find((v) => v.guideId === guide.id)?.contentVersion ??
      backup.guides.find((g) => g.id === guide.id)?.contentVersion ??
      guide.contentVersion;
    if (version > guide.contentVersion) {
      throw new BackupError(
        `This backup was made with a newer version of the “${guide.title}” guide (version ${version}; this Levelmate has ${guide.contentVersion}). Update Levelmate to import it.`,
        `guide ${guide.id}: version ${version} is newer than this Levelmate's ${guide.contentVersion}`,
      );
    }
    saved.set(guide.id, version);
  }
  const tables = migrateBackup(backup.tables, saved, guides, now);
  const unknown = unknownInBackup(tables, guides);
  if (unknown) throw new BackupError(unknown.summary, unknown.details);
  return tables;
}

const allTables = (db: LevelmateDatabase) => DATA_TABLES.map((name) => db.table(name));

/** Deletes every row Levelmate stores, in one transaction: as on the day it was installed. */
export async function eraseEverything(db: LevelmateDatabase): Promise<void> {
  await db.transaction('rw', allTables(db), () =>
    Promise.all(DATA_TABLES.map((name) => db.table(name).clear())),
  );
}

export type ImportOutcome =
  | { kind: 'imported'; mode: ImportMode; itemStates: number; visits: number }
  /** A replace would leave less progress than there is now: nothing was written; ask again. */
  | { kind: 'confirm-fewer'; now: number; after: number }
  | { kind: 'refused'; reason: string; details: string };

export interface ImportOptions {
  /** The person confirmed a replace that leaves less progress than there is now. */
  acceptFewer?: boolean;
}

/** A backup read, checked and brought up to the installed guides: ready to write. */
export type CheckedBackup =
  { kind: 'ready'; tables: BackupTables } | { kind: 'refused'; reason: string; details: string };

/**
 * Reads a backup file and checks all of it (format, every row, every item against the
 * installed guides) before anything is written. Pure work: no database.
 */
export function checkBackup(text: string, guides: readonly Guide[], now: number): CheckedBackup {
  try {
    const backup = parseBackup(text);
    const tables = prepare(backup, guides, now);
    // A version-1 backup's visit ids were row numbers; they get day-named ids here.
    if (backup.formatVersion < 2)
      tables.visits = tables.visits.map(({ id: _id, ...visit }) => visit);
    return { kind: 'ready', tables };
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    return { kind: 'refused', reason: error.message, details: error.details };
  }
}

/**
 * Writes a checked backup, inside the caller's transaction over every table: "replace" makes
 * the database exactly the backup; "merge" keeps the newer state of each item, adds visits it
 * does not have and merges the ones it has.
 */
export async function writeBackup(
  db: LevelmateDatabase,
  tables: BackupTables,
  mode: ImportMode,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  if (mode === 'replace') {
    const current = progressCount(await db.itemStates.toArray());
    const after = progressCount(tables.itemStates);
    if (after < current && !options.acceptFewer) {
      return { kind: 'confirm-fewer', now: current, after };
    }
    await Promise.all(DATA_TABLES.map((name) => db.table(name).clear()));
    for (const name of PLAIN_BACKUP_TABLES) await db.table(name).bulkAdd(tables[name]);
    await addDayRows(db, tables.visits);
    return {
      kind: 'imported',
      mode,
      itemStates: tables.itemStates.length,
      visits: tables.visits.length,
    };
  }
  // A merge says what it changed: the same backup merged twice changes nothing the second time.
  return { kind: 'imported', mode, ...(await mergeTables(db, tables)) };
}

/** Checks and writes a backup in one transaction (tests and the bench; the app uses its command). */
export async function importBackup(
  db: LevelmateDatabase,
  text: string,
  mode: ImportMode,
  guides: readonly Guide[],
  now: number,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const checked = checkBackup(text, guides, now);
  if (checked.kind === 'refused') return checked;
  return db.transaction('rw', allTables(db), () => writeBackup(db, checked.tables, mode, options));
}

/**
 * One item's row from here and from a backup: the state the person chose later (a row made
 * only for a note chose none), and the notes of both (the person's own words: a merge never
 * drops one because the other row was touched later).
 */
export function mergeItemRows(mine: ItemStateRecord, incoming: ItemStateRecord): ItemStateRecord {
  const stateTime = (row: ItemStateRecord) => row.stateAt ?? row.updatedAt;
  const noteTime = (row: ItemStateRecord) => row.noteAt ?? row.updatedAt;
  const byState = stateTime(incoming) > stateTime(mine) ? incoming : mine;
  const [newerNote, olderNote] =
    noteTime(incoming) > noteTime(mine) ? [incoming.note, mine.note] : [mine.note, incoming.note];
  const note = olderNote === '' ? newerNote : mergeNotes('', newerNote, olderNote);
  const merged = note.slice(0, LIMITS.note);
  const { noteAt: _noteAt, ...row } = byState;
  return {
    ...row,
    note: merged,
    // The note's time moves only when its words do (a backup merged twice changes nothing).
    ...(merged !== mine.note
      ? { noteAt: Math.max(noteTime(mine), noteTime(incoming)) }
      : mine.noteAt !== undefined
        ? { noteAt: mine.noteAt }
        : {}),
    updatedAt: Math.max(mine.updatedAt, incoming.updatedAt),
  };
}

/** What a merge changed: item states it changed or added, studied pages it added. */
interface Merged {
  itemStates: number;
  visits: number;
}

async function mergeTables(db: LevelmateDatabase, tables: BackupTables): Promise<Merged> {
  const states = await db.itemStates.bulkGet(
    tables.itemStates.map((s) => [s.guideId, s.itemId] as [string, string]),
  );
  const changedStates = tables.itemStates.flatMap((incoming, i) => {
    const mine = states[i];
    if (!mine) return [incoming];
    const merged = mergeItemRows(mine, incoming);
    return JSON.stringify(merged) === JSON.stringify(mine) ? [] : [merged];
  });
  await db.itemStates.bulkPut(changedStates);

  const archivedKeys = new Set(
    (await db.archivedItemStates.toArray()).map((a) => `${a.guideId}/${a.itemId}/${a.archivedAt}`),
  );
  await db.archivedItemStates.bulkAdd(
    tables.archivedItemStates
      .filter((a) => !archivedKeys.has(`${a.guideId}/${a.itemId}/${a.archivedAt}`))
      .map(({ id: _id, ...rest }) => rest as never),
  );

  // Visits: the same session (address and first visit) merges; the rest is added.
  const mine = (await db.visitDays.toArray()).flatMap((day) => day.visits);
  const byKey = new Map(mine.map((v) => [`${v.firstVisitAt} ${v.url}`, v]));
  const added: Omit<StoredVisit, 'id'>[] = [];
  for (const { id: _id, ...visit } of tables.visits) {
    const key = `${visit.firstVisitAt} ${visit.url}`;
    const same = byKey.get(key);
    if (!same) {
      added.push(visit);
      continue;
    }
    byKey.set(key, {
      ...same,
      lastVisitAt: Math.max(same.lastVisitAt, visit.lastVisitAt),
      count: Math.max(same.count, visit.count),
      activeMs: Math.max(same.activeMs, visit.activeMs),
      itemIds: [...new Set([...same.itemIds, ...visit.itemIds])],
      why: { ...visit.why, ...same.why },
    });
  }
  // The merged visits replace the day rows, which are rebuilt with their derived rows.
  await Promise.all([db.visitDays.clear(), db.visitSummaries.clear(), db.pageBuckets.clear()]);
  await addDayRows(db, [...byKey.values(), ...added]);

  const days = await db.activity.bulkGet(tables.activity.map((a) => a.day));
  await db.activity.bulkPut(
    tables.activity.map((incoming, i) => ({
      day: incoming.day,
      checkoffs: Math.max(incoming.checkoffs, days[i]?.checkoffs ?? 0),
      studyVisits: Math.max(incoming.studyVisits, days[i]?.studyVisits ?? 0),
    })),
  );

  const choices = await db.urlChoices.bulkGet(tables.urlChoices.map((c) => c.url));
  await db.urlChoices.bulkPut(
    tables.urlChoices.filter(
      (incoming, i) => !choices[i] || choices[i]!.updatedAt < incoming.updatedAt,
    ),
  );

  const [incomingSettings] = tables.settings;
  const [current] = await db.settings.toArray();
  if (incomingSettings) await db.settings.put(mergeSettings(current, incomingSettings));
  await db.guideVersions.bulkPut(tables.guideVersions);
  return { itemStates: changedStates.length, visits: added.length };
}

/**
 * Settings merged field by field: this browser's choices stay; the backup adds the levels
 * this browser has not chosen (with when they were chosen, so sync does not take them for a
 * choice made now) and its excluded sites. A level this browser took back ("suggested again")
 * is a choice too: the backup's level comes in only if the backup chose it later.
 */
export function mergeSettings(
  current: SettingsRecord | undefined,
  incoming: SettingsRecord,
): SettingsRecord {
  if (!current) return incoming;
  const adopted = Object.keys(incoming.currentLevels).filter((guideId) => {
    if (current.currentLevels[guideId] !== undefined) return false;
    const here = current.choiceAt?.[levelChoice(guideId)];
    const there = incoming.choiceAt?.[levelChoice(guideId)];
    return here === undefined || (there !== undefined && there > here);
  });
  const timed = adopted
    .map(levelChoice)
    .filter((choice) => incoming.choiceAt?.[choice] !== undefined);
  return {
    ...current,
    currentLevels: {
      ...Object.fromEntries(adopted.map((guideId) => [guideId, incoming.currentLevels[guideId]!])),
      ...current.currentLevels,
    },
    excludedSites: [...new Set([...current.excludedSites, ...incoming.excludedSites])].sort(),
    ...(timed.length > 0 && {
      choiceAt: {
        ...current.choiceAt,
        ...Object.fromEntries(timed.map((choice) => [choice, incoming.choiceAt![choice]!])),
      },
    }),
  };
}
