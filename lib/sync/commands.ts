import { z } from 'zod';
import { command } from '../commands/command';
import { mergeIntoDatabase, type MergeInput } from './store';

/* Sync through the browser's account: on or off in this browser, "Sync now", and each run's merge. */

export const syncCommands = {
  setSync: command({
    input: z.object({ on: z.boolean() }).strict(),
    from: ['extension'],
    tables: 'none',
    run: ({ on }, { services }) => (on ? services.sync.join() : services.sync.leave()),
  }),

  syncNow: command({
    input: z.object({}).strict(),
    from: ['extension'],
    tables: 'none',
    run: (_input, { services }) => services.sync.now(),
  }),

  /** A run's merge of the other browsers' shares into this database (the background only). */
  mergeSync: command({
    // Built by the background from shares it has already checked (lib/schemas/sync).
    input: z.custom<MergeInput>((value) => typeof value === 'object' && value !== null),
    from: ['background'],
    tables: ['itemStates', 'settings'],
    run: (input, { db, guides, now }) => mergeIntoDatabase(db, input, guides, now),
  }),
};
