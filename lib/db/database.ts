import Dexie, { type EntityTable } from 'dexie';
import type {
  ActivityRecord,
  ArchivedItemStateRecord,
  GuideVersionRecord,
  ItemStateRecord,
  PageBucketRecord,
  SettingsRecord,
  UndoRecord,
  SyncTrashRecord,
  UrlChoiceRecord,
  VisitDayRecord,
  VisitRecord,
  VisitSummaryRecord,
} from '../schemas/records';
import { changeRecorder } from '../commands/changes';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';
import { upgradeDoneAt, upgradeVisitsToDays } from './upgrades';

export type StoredVisit = VisitRecord;

/** Named upgrade functions, by the version they upgrade to. */
const UPGRADES: Partial<Record<number, typeof upgradeVisitsToDays>> = {
  2: upgradeVisitsToDays,
  3: upgradeDoneAt,
};

export class LevelmateDatabase extends Dexie {
  itemStates!: Dexie.Table<ItemStateRecord, [string, string]>;
  archivedItemStates!: EntityTable<ArchivedItemStateRecord & { id: number }, 'id'>;
  visitDays!: EntityTable<VisitDayRecord, 'day'>;
  visitSummaries!: EntityTable<VisitSummaryRecord, 'key'>;
  pageBuckets!: EntityTable<PageBucketRecord, 'bucket'>;
  activity!: EntityTable<ActivityRecord, 'day'>;
  settings!: EntityTable<SettingsRecord, 'id'>;
  urlChoices!: EntityTable<UrlChoiceRecord, 'url'>;
  guideVersions!: EntityTable<GuideVersionRecord, 'guideId'>;
  undos!: EntityTable<UndoRecord, 'token'>;
  syncTrash!: EntityTable<SyncTrashRecord & { id: number }, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.use(changeRecorder);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      const upgrade = UPGRADES[version];
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/** Every table a backup restores, and "delete everything" clears. */
export const DATA_TABLES = [
  'itemStates',
  'archivedItemStates',
  'visitDays',
  'visitSummaries',
  'pageBuckets',
  'activity',
  'settings',
  'urlChoices',
  'guideVersions',
  'undos',
  'syncTrash',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** The tables a backup file holds as they are (visits are written out one by one). */
export const PLAIN_BACKUP_TABLES = [
  'itemStates',
  'archivedItemStates',
  'activity',
  'settings',
  'urlChoices',
  'guideVersions',
] as const;

let shared: LevelmateDatabase | undefined;

/** The one database of this extension context, opened lazily. */
export function db(): LevelmateDatabase {
  shared ??= new LevelmateDatabase();
  return shared;
}
