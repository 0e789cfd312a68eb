import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LevelmateDatabase, type StoredVisit } from '@/lib/db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { bucketOf, itemKey } from '@/lib/visits/visit-days';
import { allVisits } from '../helpers/visits';

const fixturePath = (name: string) => join(import.meta.dirname, `../fixtures/${name}.json`);
let counter = 0;

interface Fixture {
  schemaVersion: number;
  /** The schema as that version shipped it: the code may never change a shipped version. */
  stores: Record<string, string | null>;
  tables: Record<string, unknown[]>;
}
const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Fixture;

/** A database exactly as an older Levelmate left it: that version's saved schema and rows. */
async function seedAt(name: string, tables: Record<string, unknown[]>): Promise<string> {
  const saved = fixture(name);
  const dbName = `levelmate-upgrade-${process.pid}-${++counter}`;
  const old = new Dexie(dbName);
  old.version(saved.schemaVersion).stores(saved.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return dbName;
}

type OldVisit = Omit<StoredVisit, 'id'> & { id?: number };
const sessionKey = (v: OldVisit) => `${v.url} ${v.firstVisitAt}`;
const withoutId = ({ id: _id, ...rest }: OldVisit) => rest;

describe('every shipped schema version', () => {
  it('has a saved fixture', () => {
    for (const { version } of SCHEMA_VERSIONS)
      expect(existsSync(fixturePath(`db-v${version}`)), `db-v${version}.json`).toBe(true);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('%i is kept exactly as it shipped', (version) => {
    const inCode = SCHEMA_VERSIONS.find((v) => v.version === version)!.stores;
    expect(inCode).toEqual(fixture(`db-v${version}`).stores);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    `%i opens with the current version (${CURRENT_SCHEMA_VERSION}) and keeps its item states, settings and choices`,
    async (version) => {
      const { tables } = fixture(`db-v${version}`);
      const current = new LevelmateDatabase(await seedAt(`db-v${version}`, tables));
      await current.open();
      expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
      for (const name of ['settings', 'urlChoices', 'activity', 'guideVersions']) {
        expect(await current.table(name).toArray(), name).toEqual(
          expect.arrayContaining(tables[name]!),
        );
      }
      // Item states keep every field; a done item from before version 3 gains its doneAt.
      const states = await current.table('itemStates').toArray();
      expect(states).toHaveLength(tables.itemStates!.length);
      for (const old of tables.itemStates as { state: string; updatedAt: number }[]) {
        const doneAt = old.state === 'done' ? { doneAt: old.updatedAt } : {};
        expect(states).toContainEqual({ ...doneAt, ...old });
      }
      await current.delete();
    },
  );
});

describe('version 2 → 3: a done item keeps when it was done', () => {
  it('gives done items of version 2 their last change as doneAt, and leaves the rest as they were', async () => {
    const v2 = fixture('db-v2');
    const current = new LevelmateDatabase(await seedAt('db-v2', v2.tables));
    await current.open();
    const rows = await current.itemStates.toArray();
    const done = rows.filter((r) => r.state === 'done');
    expect(done.length).toBeGreaterThan(0);
    for (const row of done) expect(row.doneAt).toBe(row.updatedAt);
    for (const row of rows.filter((r) => r.state !== 'done')) expect(row.doneAt).toBeUndefined();
    expect(await allVisits(current)).toEqual(
      (v2.tables.visitDays as { visits: StoredVisit[] }[]).flatMap((d) => d.visits),
    );
    await current.delete();
  });
});

describe('version 1 → 2: visits move into their days', () => {
  const large = fixture('db-v1-large');
  const oldVisits = large.tables.visits as OldVisit[];

  it('keeps every visit of a realistic database: tags, corrections, counts, active time', async () => {
    const current = new LevelmateDatabase(await seedAt('db-v1-large', large.tables));
    await current.open();
    const visits = await allVisits(current);
    expect(visits).toHaveLength(oldVisits.length);
    const upgraded = new Map(visits.map((v) => [sessionKey(v), v]));
    for (const old of oldVisits)
      expect(withoutId(upgraded.get(sessionKey(old))!)).toEqual(withoutId(old));
    // Ids are unique and name the day row that holds them.
    expect(new Set(visits.map((v) => v.id)).size).toBe(visits.length);
    // Corrections, notes and the day counts are untouched.
    const choices = await current.urlChoices.toArray();
    expect(choices).toHaveLength(large.tables.urlChoices!.length);
    expect(choices).toEqual(expect.arrayContaining(large.tables.urlChoices!));
    expect((await current.itemStates.toArray()).map(({ doneAt: _, ...row }) => row)).toEqual(
      expect.arrayContaining(large.tables.itemStates!),
    );
    expect(await current.activity.count()).toBe(large.tables.activity!.length);

    // The derived rows agree with the visits.
    const tagged = oldVisits.filter((v) => v.itemIds.includes('acid-isolation-levels'));
    expect((await current.visitSummaries.get(itemKey('acid-isolation-levels')))?.count).toBe(
      tagged.length,
    );
    for (const old of oldVisits.slice(0, 200)) {
      const bucket = await current.pageBuckets.get(bucketOf(old.url));
      expect(bucket?.pages[old.url]?.host).toBe(old.host);
    }
    await current.delete();
  });

  it('stops loudly on a row it cannot read, and leaves version 1 untouched', async () => {
    const broken = { ...large.tables, visits: [...oldVisits, { id: 99_999, title: 'no address' }] };
    const name = await seedAt('db-v1-large', broken);
    const current = new LevelmateDatabase(name);
    await expect(current.open()).rejects.toThrow(/cannot be read.*nothing was changed/);
    current.close();
    const stillOld = new Dexie(name);
    await stillOld.open();
    expect(stillOld.verno).toBe(1);
    expect(await stillOld.table('visits').count()).toBe(oldVisits.length + 1);
    expect(await stillOld.table('itemStates').count()).toBe(large.tables.itemStates!.length);
    await stillOld.delete();
  });
});
