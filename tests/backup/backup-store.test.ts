import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GUIDE, GUIDES } from '@/lib/builtin/guide';
import { eraseEverything, exportBackup, importBackup, parseBackup } from '@/lib/backup/store';
import { DATA_TABLES } from '@/lib/db/database';
import { setItemState } from '@/lib/progress/store';
import type { BackupFile } from '@/lib/schemas/backup';
import { DEFAULT_SETTINGS, MAX_BACKUP_BYTES } from '@/lib/schemas/constants';
import { freshDb, snapshot } from '../helpers/db';
import { allVisits, nthVisit, visitCount } from '../helpers/visits';
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
    // Version-1 visit numbers become day-named ids; everything else is kept as it was.
    const withoutIds = (visits: { id?: number }[]) => visits.map(({ id: _id, ...rest }) => rest);
    expect(withoutIds(await allVisits(db))).toEqual(withoutIds(saved.visits));
    expect(
      (await db.itemStates.get(['backend-engineering', 'caching-patterns-eviction']))?.state,
    ).toBe('done');
    expect((await nthVisit(db, 3))?.title).toBe(
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
    const outcome = await importBackup(db, JSON.stringify(older), 'merge', GUIDES, NOW);
    expect(outcome).toMatchObject({ kind: 'imported', mode: 'merge' });
    expect(
      (await db.itemStates.get(['backend-engineering', 'request-journey-dns-tcp']))?.state,
    ).toBe('learning');
    expect(await visitCount(db)).toBe(5);
    expect((await allVisits(db)).find((v) => v.url === older.tables.visits[0]!.url)).toMatchObject({
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
  ['an empty file', () => '', /This file is empty/],
  ['truncated JSON', () => fixtureText.slice(0, fixtureText.length / 2), /not valid JSON/],
  ['a JSON array', () => '[]', /not a Levelmate backup/],
  ["another program's JSON", () => JSON.stringify({ bookmarks: [] }), /not a Levelmate backup/],
  [
    'a wrong format name',
    () => mutate((b) => (b.format = 'levelmate-export')),
    /not a Levelmate backup/,
  ],
  ['a future format version', () => mutate((b) => (b.formatVersion = 3)), /newer Levelmate/],
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
    for (const mode of ['replace', 'merge'] as const) {
      const outcome = await importBackup(db, text, mode, GUIDES, NOW);
      expect(outcome.kind).toBe('refused');
      if (outcome.kind !== 'refused') continue;
      expect(`${outcome.reason}\n${outcome.details}`).toMatch(message);
      // The reason is a sentence for people, never a bare path.
      expect(outcome.reason).toMatch(/^[A-Z“]/);
      expect(outcome.reason).not.toMatch(/tables\./);
    }
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
    expect((await nthVisit(db, 1))?.title).toBe('"><svg onload=alert(1)>');
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
    expect(await nthVisit(db, 1)).not.toHaveProperty('evil');
  });

  it('a backup without the optional tables imports', () => {
    const text = mutate((b) => {
      delete b.tables.urlChoices;
      delete b.tables.archivedItemStates;
    });
    expect(parseBackup(text).tables.urlChoices).toEqual([]);
  });
});

describe('a backup is checked against the installed guides, all or nothing', () => {
  async function withProgress() {
    const db = await seeded();
    return { db, before: await snapshot(db) };
  }
  const refusal = async (db: Awaited<ReturnType<typeof seeded>>, text: string) => {
    const outcomes = [
      await importBackup(db, text, 'replace', GUIDES, NOW),
      await importBackup(db, text, 'merge', GUIDES, NOW),
    ];
    for (const outcome of outcomes) expect(outcome.kind).toBe('refused');
    return outcomes[0] as Extract<(typeof outcomes)[0], { kind: 'refused' }>;
  };

  it('refuses item states of items no installed guide has, naming how many and which', async () => {
    const { db, before } = await withProgress();
    const text = mutate((b) => {
      b.tables.itemStates = ['ghost-one', 'ghost-two', 'ghost-three', 'ghost-four'].map(
        (itemId) => ({ ...b.tables.itemStates[0], itemId }),
      );
    });
    const outcome = await refusal(db, text);
    expect(outcome.reason).toBe(
      'This backup names 4 items this guide does not have (ghost-one, ghost-two, ghost-three and 1 more), in 4 item states.',
    );
    expect(outcome.details).toContain('tables.itemStates.3: backend-engineering / ghost-four');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a guide that is not installed', async () => {
    const { db, before } = await withProgress();
    const text = mutate((b) => (b.tables.itemStates[0].guideId = 'frontend-engineering'));
    expect((await refusal(db, text)).reason).toMatch(
      /1 guide this Levelmate does not have \(frontend-engineering\)/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a visit tagged to an unknown item, and one whose site is not its address', async () => {
    const { db, before } = await withProgress();
    const tagged = mutate((b) => (b.tables.visits[1].itemIds = ['no-such-item']));
    expect((await refusal(db, tagged)).reason).toMatch(/no-such-item\), in 1 studied page/);
    const moved = mutate((b) => (b.tables.visits[0].host = 'evil.example'));
    expect((await refusal(db, moved)).reason).toMatch(
      /Studied page 1 is at https:\/\/dataintensive.net\/ but says its site is evil.example/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it("moves a visit's tags of an older guide revision as start-up moves states", async () => {
    const db = freshDb();
    const outcome = await importBackup(db, fixtureText, 'replace', [guideV2()], NOW);
    expect(outcome.kind).toBe('imported');
    // visit 1 was tagged sql-crud-statements, split in version 2
    expect((await nthVisit(db, 1))?.itemIds).toEqual([
      'sql-reading-queries',
      'sql-writing-statements',
    ]);
  });

  it('asks again before a replace that leaves less progress than there is now', async () => {
    const { db, before } = await withProgress();
    const smaller = mutate((b) => (b.tables.itemStates = b.tables.itemStates.slice(0, 2)));
    expect(await importBackup(db, smaller, 'replace', GUIDES, NOW)).toEqual({
      kind: 'confirm-fewer',
      now: 9,
      after: 2,
    });
    expect(await snapshot(db)).toEqual(before);
    const confirmed = await importBackup(db, smaller, 'replace', GUIDES, NOW, {
      acceptFewer: true,
    });
    expect(confirmed).toMatchObject({ kind: 'imported', itemStates: 2 });
    expect(await db.itemStates.count()).toBe(2);
  });

  it("merge takes the backup's level where this browser has chosen none, and keeps its own", async () => {
    const db = freshDb();
    await db.settings.put({
      ...DEFAULT_SETTINGS,
      currentLevels: { 'other-guide': 3 },
      showChip: false,
    });
    await importBackup(db, fixtureText, 'merge', GUIDES, NOW);
    expect(await db.settings.get('settings')).toMatchObject({
      currentLevels: { 'other-guide': 3, 'backend-engineering': 2 },
      showChip: false,
      excludedSites: ['news.ycombinator.com'],
    });
    const mine = freshDb();
    await mine.settings.put({ ...DEFAULT_SETTINGS, currentLevels: { 'backend-engineering': 5 } });
    await importBackup(mine, fixtureText, 'merge', GUIDES, NOW);
    expect((await mine.settings.get('settings'))?.currentLevels).toEqual({
      'backend-engineering': 5,
    });
  });
  it('merge leaves a level taken back here taken back, unless the backup chose its level later', async () => {
    const chosenThere = (at: number) =>
      mutate((b) => (b.tables.settings[0].choiceAt = { 'level:backend-engineering': at }));
    const takenBackHere = async () => {
      const db = freshDb();
      await db.settings.put({
        ...DEFAULT_SETTINGS,
        currentLevels: {},
        choiceAt: { 'level:backend-engineering': NOW - 60_000 },
      });
      return db;
    };
    const earlier = await takenBackHere();
    await importBackup(earlier, chosenThere(NOW - 120_000), 'merge', GUIDES, NOW);
    expect(await earlier.settings.get('settings')).toMatchObject({
      currentLevels: {},
      choiceAt: { 'level:backend-engineering': NOW - 60_000 },
    });
    // A backup that says nothing of when it chose its level is older than a choice made here.
    const untimed = await takenBackHere();
    await importBackup(untimed, fixtureText, 'merge', GUIDES, NOW);
    expect((await untimed.settings.get('settings'))?.currentLevels).toEqual({});
    const later = await takenBackHere();
    await importBackup(later, chosenThere(NOW - 30_000), 'merge', GUIDES, NOW);
    expect(await later.settings.get('settings')).toMatchObject({
      currentLevels: { 'backend-engineering': 2 },
      choiceAt: { 'level:backend-engineering': NOW - 30_000 },
    });
  });
});

describe('a refusal says what is wrong in words', () => {
  const reasonFor = async (text: string) => {
    const outcome = await importBackup(freshDb(), text, 'merge', GUIDES, NOW);
    return outcome.kind === 'refused' ? outcome : null;
  };

  it('names a PNG image as one', async () => {
    expect((await reasonFor('\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'))?.reason).toBe(
      'This file is a PNG image, not a Levelmate backup.',
    );
  });

  it('names an unknown state and the states Levelmate knows, with the path in details', async () => {
    const outcome = await reasonFor(mutate((b) => (b.tables.itemStates[0].state = 'mastered')));
    expect(outcome?.reason).toBe(
      'Item state 1 has the state “mastered”; Levelmate knows not started, learning, done, skipped.',
    );
    expect(outcome?.details).toMatch(/^tables\.itemStates\.0\.state: /);
  });

  it('names a missing field', async () => {
    const outcome = await reasonFor(mutate((b) => delete b.tables.visits[1].url));
    expect(outcome?.reason).toBe('Studied page 2 has no address.');
  });
});

describe('delete everything', () => {
  it('leaves every table empty, as on first install', async () => {
    const db = await seeded();
    await eraseEverything(db);
    const after = await snapshot(db);
    expect(Object.values(after).every((rows) => (rows as unknown[]).length === 0)).toBe(true);
    expect(Object.keys(after).sort()).toEqual([...DATA_TABLES].sort());
  });
});
