import { z } from 'zod';
import { command, RejectedCommandError } from '../commands/command';
import { LIMITS } from '../schemas/constants';
import { siteFromInput } from '../web/url';
import { updateSettings } from './store';

/*
 * Settings. What the browser must do after a change (content scripts, badges, alarms) follows
 * the change record (lib/commands/followers-effects.ts), not these entries.
 */

export const settingsCommands = {
  updateSettings: command({
    input: z
      .object({
        pausedUntil: z.number().int().min(0).max(8.64e15).nullable(),
        showChip: z.boolean(),
        recogniseAnySite: z.boolean(),
        reminder: z.object({ on: z.boolean(), minute: z.number().int().min(0).max(1439) }),
      })
      .partial()
      .strict(),
    from: ['extension'],
    tables: ['settings'],
    run: async (patch, { db }) => void (await updateSettings(db, patch)),
  }),

  addExcludedSite: command({
    input: z.object({
      site: z
        .string()
        .min(1)
        .max(LIMITS.host + 20),
    }),
    from: ['extension'],
    tables: ['settings'],
    prepare: async ({ site }) => {
      const host = siteFromInput(site);
      if (!host) throw new RejectedCommandError(`"${site}" is not a site name like "example.com"`);
      return host;
    },
    run: async (_input, { db, prepared: host }) =>
      void (await updateSettings(db, (current) => ({
        excludedSites: [...current.excludedSites, host],
      }))),
  }),

  removeExcludedSite: command({
    input: z.object({ site: z.string().min(1).max(LIMITS.host) }),
    from: ['extension'],
    tables: ['settings'],
    run: async ({ site }, { db }) =>
      void (await updateSettings(db, (current) => ({
        excludedSites: current.excludedSites.filter((s) => s !== site),
      }))),
  }),
};
