import { z } from './zod';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './constants';
import { StableId } from './ids';
import {
  ActivityRecord,
  ArchivedItemStateRecord,
  GuideVersionRecord,
  ItemStateRecord,
  SettingsRecord,
  UrlChoiceRecord,
  VisitRecord,
} from './records';

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT, {
    error: `this is not a Levelmate backup (format must be "${BACKUP_FORMAT}")`,
  }),
  formatVersion: z.int({ error: 'formatVersion must be a number' }).check(
    z.gte(1),
    z.lte(BACKUP_FORMAT_VERSION, {
      error: `this backup was made by a newer Levelmate (format version above ${BACKUP_FORMAT_VERSION}); update Levelmate to import it`,
    }),
  ),
});

export const BackupFile = z.extend(BackupHeader, {
  exportedAt: z.iso.datetime({
    error: 'exportedAt must be an ISO date-time like "2026-11-22T09:30:00.000Z"',
  }),
  guides: z.array(z.object({ id: StableId, contentVersion: z.int().check(z.gte(1)) })),
  tables: z.object({
    itemStates: z.array(ItemStateRecord),
    archivedItemStates: z._default(z.array(ArchivedItemStateRecord), []),
    visits: z.array(VisitRecord),
    activity: z.array(ActivityRecord),
    settings: z
      .array(SettingsRecord)
      .check(z.maxLength(1, { error: 'a backup holds at most one settings row' })),
    urlChoices: z._default(z.array(UrlChoiceRecord), []),
    guideVersions: z.array(GuideVersionRecord),
  }),
});

export type BackupFile = z.infer<typeof BackupFile>;
export type BackupTables = BackupFile['tables'];
