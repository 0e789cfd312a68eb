import { z } from 'zod';
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

export const BACKUP_FORMAT = 'levelmate-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Generous for 100,000 visits (about 30 MB), small enough to refuse a runaway file. */
export const MAX_BACKUP_BYTES = 40 * 1024 * 1024;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT, {
    error: `this is not a Levelmate backup (format must be "${BACKUP_FORMAT}")`,
  }),
  formatVersion: z
    .number({ error: 'formatVersion must be a number' })
    .int()
    .min(1)
    .max(BACKUP_FORMAT_VERSION, {
      error: `this backup was made by a newer Levelmate (format version above ${BACKUP_FORMAT_VERSION}); update Levelmate to import it`,
    }),
});

export const BackupFile = BackupHeader.extend({
  exportedAt: z.iso.datetime({
    error: 'exportedAt must be an ISO date-time like "2026-11-22T09:30:00.000Z"',
  }),
  guides: z.array(z.object({ id: StableId, contentVersion: z.number().int().min(1) })),
  tables: z.object({
    itemStates: z.array(ItemStateRecord),
    archivedItemStates: z.array(ArchivedItemStateRecord).default([]),
    visits: z.array(VisitRecord),
    activity: z.array(ActivityRecord),
    settings: z.array(SettingsRecord).max(1, { error: 'a backup holds at most one settings row' }),
    urlChoices: z.array(UrlChoiceRecord).default([]),
    guideVersions: z.array(GuideVersionRecord),
  }),
});

export type BackupFile = z.infer<typeof BackupFile>;
export type BackupTables = BackupFile['tables'];
