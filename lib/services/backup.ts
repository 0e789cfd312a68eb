import type { z } from 'zod';
import { migrateItemStates } from '../domain/guide-migration';
import { BACKUP_TABLES, type LevelmateDatabase, type StoredVisit } from '../db/database';
import { BackupFile, BackupHeader, type BackupTables } from '../schemas/backup';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MAX_BACKUP_BYTES } from '../schemas/constants';
import type { Guide } from '../schemas/guide';
import type { ItemStateRecord } from '../schemas/records';

export type ImportMode = 'replace' | 'merge';

/** A backup that cannot be imported; the message says what is wrong and where. */
export class BackupError extends Error {}

export async function exportBackup(
  db: LevelmateDatabase,
  guides: readonly Guide[],
  now: number,
): Promise<BackupFile> {
  return db.transaction(
    'r',
    BACKUP_TABLES.map((name) => db.table(name)),
    async () => {
      const tables = Object.fromEntries(
        await Promise.all(
          BACKUP_TABLES.map(async (name) => [name, await db.table(name).toArray()] as const),
        ),
      ) as BackupTables;
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

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more problems)` : '';
  return issues.join('; ') + more;
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

/** Rows that would overwrite each other are an error in the file, not something to guess at. */
function checkDuplicates(tables: BackupTables): void {
  const checks: [keyof BackupTables, (row: never) => string][] = [
    ['itemStates', (r: ItemStateRecord) => `${r.guideId} / ${r.itemId}`],
    ['visits', (r: StoredVisit) => `${r.url} first visited at ${r.firstVisitAt}`],
    ['activity', (r: { day: string }) => r.day],
    ['urlChoices', (r: { url: string }) => r.url],
    ['guideVersions', (r: { guideId: string }) => r.guideId],
  ] as never;
  for (const [table, key] of checks) {
    const duplicate = firstDuplicate(tables[table] as never[], key);
    if (duplicate) {
      throw new BackupError(`tables.${table}.${duplicate[0]}: duplicate entry for ${duplicate[1]}`);
    }
  }
}

/**
 * Reads a backup file's text and validates all of it before anything is written. Throws a
 * BackupError naming the problem and where it is.
 */
export function parseBackup(text: string): BackupFile {
  if (text.length > MAX_BACKUP_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    throw new BackupError(
      `the file is ${mb} MB; a Levelmate backup is at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB. Is it the right file?`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupError(
      `the file is not valid JSON (${(error as Error).message}); it may be cut short or not a backup`,
    );
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new BackupError(
      `this is not a Levelmate backup: expected a JSON object with "format": "${BACKUP_FORMAT}"`,
    );
  }
  // The header first, so a newer or foreign file gets that message rather than a hundred others.
  const header = BackupHeader.safeParse(json);
  if (!header.success) throw new BackupError(describeIssues(header.error));
  const result = BackupFile.safeParse(json);
  if (!result.success) throw new BackupError(describeIssues(result.error));
  checkDuplicates(result.data.tables);
  return result.data;
}

/** Brings the backup's item states up to the content version of each installed guide. */
function migrateToInstalledGuides(
  backup: BackupFile,
  guides: readonly Guide[],
  now: number,
): BackupTables {
  const tables = { ...backup.tables };
  for (const guide of guides) {
    const savedVersion =
      backup.tables.guideVersions.find((v) => v.guideId === guide.id)?.contentVersion ??
      backup.guides.find((g) => g.id === guide.id)?.contentVersion ??
      guide.contentVersion;
    if (savedVersion > guide.contentVersion) {
      throw new BackupError(
        `the backup's "${guide.id}" guide is version ${savedVersion}, newer than this Levelmate's ${guide.contentVersion}; update Levelmate to import it`,
      );
    }
    const own = tables.itemStates.filter((s) => s.guideId === guide.id);
    const others = tables.itemStates.filter((s) => s.guideId !== guide.id);
    const migrated = migrateItemStates(own, savedVersion, guide.revisions, now);
    tables.itemStates = [...others, ...migrated.states];
    tables.archivedItemStates = [...tables.archivedItemStates, ...migrated.archived];
    tables.guideVersions = [
      ...tables.guideVersions.filter((v) => v.guideId !== guide.id),
      { guideId: guide.id, contentVersion: guide.contentVersion, updatedAt: now },
    ];
  }
  return tables;
}

export interface ImportSummary {
  mode: ImportMode;
  itemStates: number;
  visits: number;
}

/**
 * Imports a backup in one transaction: "replace" makes the database exactly the backup;
 * "merge" keeps the newer state of each item, adds visits it does not have and merges the
 * ones it has. Nothing is written unless the whole file is valid.
 */
export async function importBackup(
  db: LevelmateDatabase,
  text: string,
  mode: ImportMode,
  guides: readonly Guide[],
  now: number,
): Promise<ImportSummary> {
  const tables = migrateToInstalledGuides(parseBackup(text), guides, now);
  await db.transaction(
    'rw',
    BACKUP_TABLES.map((name) => db.table(name)),
    async () => {
      if (mode === 'replace') {
        await Promise.all(BACKUP_TABLES.map((name) => db.table(name).clear()));
        for (const name of BACKUP_TABLES) await db.table(name).bulkAdd(tables[name]);
      } else {
        await mergeTables(db, tables);
      }
    },
  );
  return { mode, itemStates: tables.itemStates.length, visits: tables.visits.length };
}

async function mergeTables(db: LevelmateDatabase, tables: BackupTables): Promise<void> {
  const states = await db.itemStates.bulkGet(
    tables.itemStates.map((s) => [s.guideId, s.itemId] as [string, string]),
  );
  await db.itemStates.bulkPut(
    tables.itemStates.filter(
      (incoming, i) => !states[i] || states[i]!.updatedAt < incoming.updatedAt,
    ),
  );

  const archivedKeys = new Set(
    (await db.archivedItemStates.toArray()).map((a) => `${a.guideId}/${a.itemId}/${a.archivedAt}`),
  );
  await db.archivedItemStates.bulkAdd(
    tables.archivedItemStates
      .filter((a) => !archivedKeys.has(`${a.guideId}/${a.itemId}/${a.archivedAt}`))
      .map(({ id: _id, ...rest }) => rest as never),
  );

  const existing = await db.visits
    .where('[url+firstVisitAt]')
    .anyOf(tables.visits.map((v) => [v.url, v.firstVisitAt]))
    .toArray();
  const byKey = new Map(existing.map((v) => [`${v.firstVisitAt} ${v.url}`, v]));
  const merged: StoredVisit[] = [];
  const added: Omit<StoredVisit, 'id'>[] = [];
  for (const { id: _id, ...visit } of tables.visits) {
    const mine = byKey.get(`${visit.firstVisitAt} ${visit.url}`);
    if (!mine) {
      added.push(visit);
      continue;
    }
    merged.push({
      ...mine,
      lastVisitAt: Math.max(mine.lastVisitAt, visit.lastVisitAt),
      count: Math.max(mine.count, visit.count),
      activeMs: Math.max(mine.activeMs, visit.activeMs),
      itemIds: [...new Set([...mine.itemIds, ...visit.itemIds])],
    });
  }
  await db.visits.bulkPut(merged);
  await db.visits.bulkAdd(added as StoredVisit[]);

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

  // The person's current settings stay; the backup's excluded sites are added to theirs.
  const [incomingSettings] = tables.settings;
  const current = await db.settings.toArray();
  if (incomingSettings && current[0]) {
    const excludedSites = [
      ...new Set([...current[0].excludedSites, ...incomingSettings.excludedSites]),
    ].sort();
    await db.settings.put({ ...current[0], excludedSites });
  } else if (incomingSettings) {
    await db.settings.put(incomingSettings);
  }
  await db.guideVersions.bulkPut(tables.guideVersions);
}
