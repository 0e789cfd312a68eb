import { afterEach } from 'vitest';
import { LevelmateDatabase } from '@/lib/db/database';

const opened: LevelmateDatabase[] = [];
let counter = 0;

/** A fresh, empty database per test (fake-indexeddb), deleted afterwards. */
export function freshDb(): LevelmateDatabase {
  const database = new LevelmateDatabase(`levelmate-test-${process.pid}-${++counter}`);
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete();
});

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshot(database: LevelmateDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    database.tables.map(async (t) => [t.name, await t.toArray()] as const),
  );
  return Object.fromEntries(entries);
}
