import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LevelmateDatabase } from '@/lib/db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/db/schema';

const fixturePath = (version: number) =>
  join(import.meta.dirname, `../fixtures/db-v${version}.json`);
const NAME = 'levelmate-upgrade-test';

interface Fixture {
  schemaVersion: number;
  /** The schema as that version shipped it: the code may never change a shipped version. */
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
}
const fixture = (version: number): Fixture =>
  JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Fixture;

/** Opens a database exactly as an older Levelmate did, with that version's saved schema. */
async function seedAtVersion(version: number, tables: Record<string, unknown[]>) {
  const old = new Dexie(NAME);
  old.version(version).stores(fixture(version).stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [name, rows] of Object.entries(tables)) await old.table(name).bulkAdd(rows);
  });
  old.close();
}

describe('schema upgrades keep every row', () => {
  it('has a saved fixture for every schema version', () => {
    for (const { version } of SCHEMA_VERSIONS)
      expect(existsSync(fixturePath(version)), `db-v${version}.json`).toBe(true);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'keeps version %i exactly as it shipped',
    (version) => {
      const inCode = SCHEMA_VERSIONS.find((v) => v.version === version)!.stores;
      expect(inCode).toEqual(fixture(version).stores);
    },
  );

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    `opens a database saved at version %i with the current version (${CURRENT_SCHEMA_VERSION}) and loses nothing`,
    async (version) => {
      const { tables } = fixture(version);
      await seedAtVersion(version, tables);
      const current = new LevelmateDatabase(NAME);
      await current.open();
      expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
      for (const [name, rows] of Object.entries(tables)) {
        const stored = await current.table(name).toArray();
        expect(stored, name).toHaveLength(rows.length);
        expect(stored, name).toEqual(expect.arrayContaining(rows));
      }
      expect(await current.visits.where('itemIds').equals('sql-crud-statements').count()).toBe(1);
      await current.delete();
    },
  );
});
