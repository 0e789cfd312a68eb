import { z } from '../schemas/zod';
import { command } from '../commands/command';
import { mergeIntoDatabase, type MergeInput } from './store';

/* Sync through the browser's account: on or off in this browser, "Sync now", and each run's merge. */

export const syncCommands = {
  setSync: command({
    input: z.strictObject({ on: z.boolean() }),
    from: ['extension'],
    tables: 'none',
    run: ({ on }, { services }) => (on ? services.sync.join() : services.sync.leave()),
  }),

  syncNow: command({
    input: z.strictObject({}),
    from: ['extension'],
    tables: 'none',
    run: (_input, { services }) => services.sync.now(),
  }),

  /**
   * Puts back what one sync run removed (another browser deleted items or emptied notes): as
   * a new change here, so it wins over the deletion and returns to the other browsers too.
   */
  restoreRemoved: command({
    input: z.strictObject({ batch: z.int().check(z.gte(0)) }),
    from: ['extension'],
    tables: ['itemStates', 'syncTrash'],
    async run({ batch }, { db, now }) {
      const removed = await db.syncTrash.filter((r) => r.batch === batch).toArray();
      for (const { row } of removed)
        await db.itemStates.put({ ...row, updatedAt: now, stateAt: now, noteAt: now });
      await db.syncTrash.bulkDelete(removed.map((r) => r.id));
      return { restored: removed.length };
    },
  }),

  /** The person saw what another browser removed and keeps it removed. */
  dismissRemoved: command({
    input: z.strictObject({ batch: z.int().check(z.gte(0)) }),
    from: ['extension'],
    tables: ['syncTrash'],
    run: async ({ batch }, { db }) =>
      void (await db.syncTrash.filter((r) => r.batch === batch).delete()),
  }),

  /** A run's merge of the other browsers' shares into this database (the background only). */
  mergeSync: command({
    // Built by the background from shares it has already checked (lib/schemas/sync).
    input: z.custom<MergeInput>((value) => typeof value === 'object' && value !== null),
    from: ['background'],
    tables: ['itemStates', 'settings', 'syncTrash'],
    run: (input, { db, guides, now }) => mergeIntoDatabase(db, input, guides, now),
  }),
};
