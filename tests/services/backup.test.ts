import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GUIDE, GUIDES } from '@/lib/builtin/guide';
import { BackupError, exportBackup, importBackup, parseBackup } from '@/lib/services/backup';
import { setItemState } from '@/lib/services/progress';
import type { BackupFile } from '@/lib/schemas/backup';
import { MAX_BACKUP_BYTES } from '@/lib/schemas/constants';
import { freshDb, snapshot } from '../helpers/db';
import { guideV2 } from '../helpers/guide-v2';

const fixtureText = readFileSync(
  join(import.meta.dirname, '../fixtures/backup-format-v1.json'),
  'utf8',
);
const fixture = (): BackupFile => JSON.parse(fixtureText);
const NOW = Date.UTC(2026, 10, 22, 12);

async function seeded() {
  const db = freshDb();
  await importBackup(db, fixtureText, 'replace', GUIDES, NOW);
  return db;
}

describe('export and import', () => {
  it('export, wipe, import gives back exactly what was exported', async () => {
    const db = await seeded();
    await setItemState(
      db,
      { guideId: BUILTIN_GUIDE.id, itemId: 'sql-joins-aggregation' },
      'done',
      NOW,
    );
    const before = await snapshot(db);
    const text = JSON.stringify(await exportBackup(db, GUIDES, NOW));
    await Promise.all(db.tables.map((t) => t.clear()));
    expect((await snapshot(db)).itemStates).toEqual([]);
    await importBackup(db, text, 'replace', GUIDES, NOW);
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports the saved version-1 backup with every row, odd ones included', async () => {
    const db = await seeded();
    const saved = fixture().tables;
    expect(await db.itemStates.count()).toBe(saved.itemStates.length);
    expect(await db.visits.toArray()).toEqual(saved.visits);
    expect(
      (await db.itemStates.get(['backend-engineering', 'an-item-from-the-future']))?.state,
    ).toBe('done');
    expect((await db.visits.get(3))?.title).toBe(
      '<img src=x onerror=alert(1)> Caching explained 🚀',
    );
  });

  it('merging keeps the newer state per item and does not duplicate visits', async () => {
    const db = await seeded();
    await setItemState(
      db,
      { guideId: BUILTIN_GUIDE.id, itemId: 'request-journey-dns-tcp' },
      'learning',
      NOW,
    );
    const older = fixture();
    older.tables.visits[0]!.count = 9;
    older.tables.visits[0]!.itemIds = ['sql-joins-aggregation'];
    older.tables.visits.push({
      ...older.tables.visits[1]!,
      id: 99,
      firstVisitAt: 1,
      lastVisitAt: 1,
    });
    const summary = await importBackup(db, JSON.stringify(older), 'merge', GUIDES, NOW);
    expect(summary.mode).toBe('merge');
    expect(
      (await db.itemStates.get(['backend-engineering', 'request-journey-dns-tcp']))?.state,
    ).toBe('learning');
    expect(await db.visits.count()).toBe(5);
    expect(await db.visits.get(1)).toMatchObject({
      count: 9,
      itemIds: ['sql-crud-statements', 'sql-joins-aggregation'],
    });
  });

  it('brings states saved against an older guide version up to the installed one', async () => {
    const db = freshDb();
    await importBackup(db, fixtureText, 'replace', [guideV2()], NOW);
    expect(
      (await db.itemStates.get(['backend-engineering', 'request-lifecycle-trace']))?.state,
    ).toBe('done');
    expect((await db.archivedItemStates.toArray()).map((a) => a.itemId)).toContain(
      'http-methods-crud-mapping',
    );
    expect((await db.guideVersions.get('backend-engineering'))?.contentVersion).toBe(2);
  });
});

type Mutation = (b: Record<string, any>) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
const mutate = (change: Mutation) => {
  const b = fixture() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  change(b);
  return JSON.stringify(b);
};

/** Malformed backups: each must be refused with a message naming the problem and where. */
const rejected: [string, () => string, RegExp][] = [
  ['an empty file', () => '', /not valid JSON/],
  ['truncated JSON', () => fixtureText.slice(0, fixtureText.length / 2), /not valid JSON/],
  ['a JSON array', () => '[]', /not a Levelmate backup/],
  ["another program's JSON", () => JSON.stringify({ bookmarks: [] }), /not a Levelmate backup/],
  [
    'a wrong format name',
    () => mutate((b) => (b.format = 'levelmate-export')),
    /not a Levelmate backup/,
  ],
  ['a future format version', () => mutate((b) => (b.formatVersion = 2)), /newer Levelmate/],
  ['a format version as text', () => mutate((b) => (b.formatVersion = '1')), /formatVersion/],
  [
    'an export time in the wrong form',
    () => mutate((b) => (b.exportedAt = '03/01/2026')),
    /exportedAt/,
  ],
  ['a missing table', () => mutate((b) => delete b.tables.visits), /tables\.visits/],
  [
    'an unknown state',
    () => mutate((b) => (b.tables.itemStates[0].state = 'mastered')),
    /tables\.itemStates\.0\.state/,
  ],
  [
    'a state date as text',
    () => mutate((b) => (b.tables.itemStates[1].updatedAt = '2026-01-01')),
    /tables\.itemStates\.1\.updatedAt/,
  ],
  [
    'a negative visit count',
    () => mutate((b) => (b.tables.visits[0].count = -3)),
    /tables\.visits\.0\.count/,
  ],
  [
    'a visit without a URL',
    () => mutate((b) => delete b.tables.visits[1].url),
    /tables\.visits\.1\.url/,
  ],
  [
    'a javascript: URL in a visit',
    () => mutate((b) => (b.tables.visits[0].url = 'javascript:alert(1)//x')),
    /tables\.visits\.0\.url/,
  ],
  [
    'an over-long title',
    () => mutate((b) => (b.tables.visits[0].title = 'x'.repeat(10_000))),
    /tables\.visits\.0\.title/,
  ],
  [
    'an over-long note',
    () => mutate((b) => (b.tables.itemStates[0].note = 'x'.repeat(30_000))),
    /tables\.itemStates\.0\.note/,
  ],
  [
    'an item id with spaces',
    () => mutate((b) => (b.tables.itemStates[0].itemId = 'Drop table; --')),
    /itemId/,
  ],
  [
    'a day in the wrong form',
    () => mutate((b) => (b.tables.activity[0].day = '1 Jan 2026')),
    /tables\.activity\.0\.day/,
  ],
  [
    'duplicate item states',
    () => mutate((b) => b.tables.itemStates.push(b.tables.itemStates[0])),
    /duplicate entry for backend-engineering \/ request-journey-dns-tcp/,
  ],
  [
    'duplicate visits',
    () => mutate((b) => b.tables.visits.push({ ...b.tables.visits[0], id: 50 })),
    /tables\.visits\.4: duplicate/,
  ],
  [
    'duplicate days',
    () => mutate((b) => b.tables.activity.push(b.tables.activity[0])),
    /tables\.activity\.3: duplicate/,
  ],
  [
    'two settings rows',
    () => mutate((b) => b.tables.settings.push(b.tables.settings[0])),
    /at most one settings row/,
  ],
  [
    'a level out of range',
    () => mutate((b) => (b.tables.settings[0].currentLevels['backend-engineering'] = 9)),
    /currentLevels/,
  ],
  [
    'a guide newer than this Levelmate',
    () => mutate((b) => (b.tables.guideVersions[0].contentVersion = 7)),
    /newer than this Levelmate/,
  ],
  ['a 50 MB file', () => ' '.repeat(50 * 1024 * 1024), /at most 48 MB/],
];

describe('malformed backups are refused and change nothing', () => {
  it.each(rejected)('%s', async (_name, make, message) => {
    const db = await seeded();
    const before = await snapshot(db);
    const text = make();
    await expect(importBackup(db, text, 'replace', GUIDES, NOW)).rejects.toThrow(BackupError);
    await expect(importBackup(db, text, 'merge', GUIDES, NOW)).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('the file size limit is above what 100,000 visits need', () => {
    expect(MAX_BACKUP_BYTES).toBeGreaterThan(100_000 * 400);
  });
});

describe('harmless oddities are accepted safely', () => {
  it('HTML and script in notes and titles are stored as the text they are', async () => {
    const db = freshDb();
    const text = mutate((b) => {
      b.tables.itemStates[0].note = '<script>alert("note")</script>';
      b.tables.visits[0].title = '"><svg onload=alert(1)>';
    });
    await importBackup(db, text, 'replace', GUIDES, NOW);
    expect(
      (await db.itemStates.get(['backend-engineering', 'request-journey-dns-tcp']))?.note,
    ).toBe('<script>alert("note")</script>');
    expect((await db.visits.get(1))?.title).toBe('"><svg onload=alert(1)>');
  });

  it('unknown extra fields are dropped, not stored', async () => {
    const db = freshDb();
    await importBackup(
      db,
      mutate((b) => (b.tables.visits[0].evil = { nested: true })),
      'replace',
      GUIDES,
      NOW,
    );
    expect(await db.visits.get(1)).not.toHaveProperty('evil');
  });

  it('a backup without the optional tables imports', () => {
    const text = mutate((b) => {
      delete b.tables.urlChoices;
      delete b.tables.archivedItemStates;
    });
    expect(parseBackup(text).tables.urlChoices).toEqual([]);
  });
});
