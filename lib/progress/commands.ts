import { z } from '../schemas/zod';
import { command, RejectedCommandError, type CommandEnv } from '../commands/command';
import { catalogueOf } from '../guides/catalogue';
import { LIMITS } from '../schemas/constants';
import { StableId } from '../schemas/ids';
import { setCurrentLevel } from '../settings/store';
import { ITEM_STATES } from './item-state';
import { reviewItem, setItemState, setItemStates, setNote } from './store';

/* Progress: item states, notes, reviews and the chosen level, from the extension's pages. */

const ItemKey = { guideId: StableId, itemId: StableId };
const ItemStateValue = z.enum(ITEM_STATES);

function requireItem(env: CommandEnv, guideId: string, itemId: string): void {
  if (catalogueOf(env.guides).item(itemId)?.guideId !== guideId) {
    throw new RejectedCommandError(`unknown item "${itemId}" in guide "${guideId}"`);
  }
}

export const progressCommands = {
  setItemState: command({
    input: z.object({ ...ItemKey, state: ItemStateValue }),
    from: ['extension'],
    tables: ['itemStates', 'activity'],
    prepare: async ({ guideId, itemId }, env) => requireItem(env, guideId, itemId),
    run: ({ guideId, itemId, state }, { db, now }) =>
      setItemState(db, { guideId, itemId }, state, now),
  }),

  /** Several items of one guide at once (a topic, a level, a placement); answers the before. */
  setItemStates: command({
    input: z.object({
      guideId: StableId,
      changes: z
        .array(z.object({ itemId: StableId, state: ItemStateValue }))
        .check(z.minLength(1), z.maxLength(LIMITS.itemsPerChange)),
      /** A placement: the items were known before; their reviews are spread out. */
      placed: z.optional(z.boolean()),
    }),
    from: ['extension'],
    tables: ['itemStates', 'activity'],
    prepare: async ({ guideId, changes }, env) => {
      for (const { itemId } of changes) requireItem(env, guideId, itemId);
    },
    run: ({ guideId, changes, placed }, { db, now }) =>
      setItemStates(db, guideId, changes, now, placed),
  }),

  reviewItem: command({
    input: z.object({ ...ItemKey, answer: z.enum(['still', 'shaky', 'forgotten']) }),
    from: ['extension'],
    tables: ['itemStates'],
    prepare: async ({ guideId, itemId }, env) => requireItem(env, guideId, itemId),
    run: ({ guideId, itemId, answer }, { db, now }) =>
      reviewItem(db, { guideId, itemId }, answer, now),
  }),

  /** A note; `base` is what the editor started from, so a concurrent edit is merged, not lost. */
  setNote: command({
    input: z.object({
      ...ItemKey,
      note: z.string().check(z.maxLength(LIMITS.note)),
      base: z.optional(z.string().check(z.maxLength(LIMITS.note))),
    }),
    from: ['extension'],
    tables: ['itemStates'],
    prepare: async ({ guideId, itemId }, env) => requireItem(env, guideId, itemId),
    run: async ({ guideId, itemId, note, base }, { db, now }) => ({
      note: await setNote(db, { guideId, itemId }, note, now, base),
    }),
  }),

  /** null: no level chosen (it is suggested from progress again). */
  setCurrentLevel: command({
    input: z.object({ guideId: StableId, level: z.nullable(z.int().check(z.gte(1), z.lte(7))) }),
    from: ['extension'],
    tables: ['settings'],
    prepare: async ({ guideId }, env) => {
      if (!catalogueOf(env.guides).hasGuide(guideId))
        throw new RejectedCommandError(`unknown guide "${guideId}"`);
    },
    run: ({ guideId, level }, { db, now }) => setCurrentLevel(db, guideId, level, now),
  }),
};
