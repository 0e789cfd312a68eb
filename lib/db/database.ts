import Dexie, { type EntityTable } from 'dexie';
import type {
  ActivityRecord,
  ArchivedItemStateRecord,
  GuideVersionRecord,
  ItemStateRecord,
  SettingsRecord,
  UrlChoiceRecord,
  VisitRecord,
} from '../schemas/records';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';

export type StoredVisit = VisitRecord & { id: number };

export class LevelmateDatabase extends Dexie {
  itemStates!: Dexie.Table<ItemStateRecord, [string, string]>;
  archivedItemStates!: EntityTable<ArchivedItemStateRecord & { id: number }, 'id'>;
  visits!: EntityTable<StoredVisit, 'id'>;
  activity!: EntityTable<ActivityRecord, 'day'>;
  settings!: EntityTable<SettingsRecord, 'id'>;
  urlChoices!: EntityTable<UrlChoiceRecord, 'url'>;
  guideVersions!: EntityTable<GuideVersionRecord, 'guideId'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      this.version(version).stores(stores);
    }
  }
}

/** The table names a backup holds, in the order they are written. */
export const BACKUP_TABLES = [
  'itemStates',
  'archivedItemStates',
  'visits',
  'activity',
  'settings',
  'urlChoices',
  'guideVersions',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

let shared: LevelmateDatabase | undefined;

/** The one database of this extension context, opened lazily. */
export function db(): LevelmateDatabase {
  shared ??= new LevelmateDatabase();
  return shared;
}
