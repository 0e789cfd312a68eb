import { z } from '../schemas/zod';
import { command, RejectedCommandError } from '../commands/command';
import { LIMITS } from '../schemas/constants';
import { Reminder, Timestamp } from '../schemas/records';
import { siteFromInput } from '../web/url';
import { updateSettings } from './store';

/*
 * Settings. What the browser must do after a change (content scripts, badges, alarms) follows
 * the change record (lib/commands/followers-effects.ts), not these entries.
 */

export const settingsCommands = {
  updateSettings: command({
    input: z.partial(
      z.strictObject({
        pausedUntil: z.nullable(Timestamp),
        showChip: z.boolean(),
        recogniseAnySite: z.boolean(),
        reminder: Reminder,
      }),
    ),
    from: ['extension'],
    tables: ['settings'],
    run: async (patch, { db, now }) => void (await updateSettings(db, patch, now)),
  }),

  addExcludedSite: command({
    input: z.object({
      site: z.string().check(z.minLength(1), z.maxLength(LIMITS.host + 20)),
    }),
    from: ['extension'],
    tables: ['settings'],
    prepare: async ({ site }) => {
      const host = siteFromInput(site);
      if (!host) throw new RejectedCommandError(`"${site}" is not a site name like "example.com"`);
      return host;
    },
    run: async (_input, { db, prepared: host, now }) =>
      void (await updateSettings(
        db,
        (current) => ({ excludedSites: [...current.excludedSites, host] }),
        now,
      )),
  }),

  removeExcludedSite: command({
    input: z.object({ site: z.string().check(z.minLength(1), z.maxLength(LIMITS.host)) }),
    from: ['extension'],
    tables: ['settings'],
    run: async ({ site }, { db, now }) =>
      void (await updateSettings(
        db,
        (current) => ({ excludedSites: current.excludedSites.filter((s) => s !== site) }),
        now,
      )),
  }),
};
