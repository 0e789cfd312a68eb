import { z } from '../schemas/zod';
import { command } from '../commands/command';
import { applyGuideUpdate } from './updates-store';

/* Guides: saved progress moved to the installed guides' content versions, at start-up. */

export const guideCommands = {
  /**
   * When a guide's content moved on since the person's states were saved, moves them to the
   * new item ids, archiving what was replaced; states saved by a newer Levelmate stay as they are.
   */
  applyGuideUpdates: command({
    input: z.strictObject({}),
    from: ['background'],
    tables: ['itemStates', 'archivedItemStates', 'guideVersions'],
    async run(_input, { db, guides, now }) {
      const outcomes = [];
      for (const guide of guides) outcomes.push(await applyGuideUpdate(db, guide, now));
      for (const outcome of outcomes) {
        if (outcome.outcome === 'newer-data') {
          console.warn(
            `Levelmate: progress for "${outcome.guideId}" was saved by a newer version; left as it is.`,
          );
        }
      }
      return outcomes;
    },
  }),
};
