import { z } from '../schemas/zod';
import { command } from '../commands/command';
import { MAX_BACKUP_BYTES } from '../schemas/constants';
import {
  checkBackup,
  eraseEverything,
  exportBackup,
  writeBackup,
  type ImportOutcome,
} from './store';

/*
 * Backups: export, import (checked whole before a single row is written, then written in one
 * transaction) and "delete everything".
 */

export const backupCommands = {
  exportBackup: command({
    input: z.strictObject({}),
    from: ['extension'],
    tables: 'all',
    readOnly: true,
    run: async (_input, { db, guides, now }) => JSON.stringify(await exportBackup(db, guides, now)),
  }),

  importBackup: command({
    input: z.strictObject({
      text: z.string().check(z.maxLength(MAX_BACKUP_BYTES)),
      mode: z.enum(['replace', 'merge']),
      /** The person confirmed a replace that leaves less progress than there is now. */
      acceptFewer: z.optional(z.boolean()),
    }),
    from: ['extension'],
    tables: 'all',
    prepare: async ({ text }, { guides, now }) => checkBackup(text, guides, now),
    async run({ mode, acceptFewer }, { db, prepared, note }): Promise<ImportOutcome> {
      if (prepared.kind === 'refused') return prepared;
      const outcome = await writeBackup(db, prepared.tables, mode, { acceptFewer });
      // The states carry the backup's own times: sync tells a restore from a new edit.
      if (outcome.kind === 'imported') note.restore();
      return outcome;
    },
  }),

  /**
   * Deletes everything in this browser. It stops syncing first, so the other browsers keep
   * their copy and the deletion does not flow back into this one.
   */
  deleteEverything: command({
    input: z.strictObject({}),
    from: ['extension'],
    tables: 'all',
    prepare: async (_input, { services }) => services.sync.leave(),
    run: (_input, { db }) => eraseEverything(db),
  }),
};
