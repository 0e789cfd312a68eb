import type { LevelmateDatabase } from '../db/database';
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../schemas/constants';
import type { SettingsRecord } from '../schemas/records';
import { TIMED_CHOICES, levelChoice } from './choices';

/** The saved settings, or the defaults before the person changed anything. */
export async function readSettings(db: LevelmateDatabase): Promise<SettingsRecord> {
  return (await db.settings.get(SETTINGS_ID)) ?? DEFAULT_SETTINGS;
}

export type SettingsPatch = Partial<Omit<SettingsRecord, 'id' | 'currentLevels' | 'choiceAt'>>;

/**
 * The only write path for settings: read, change, write, in one transaction. A change that
 * depends on the current settings (adding to a list) is a function of them, so two changes
 * in flight cannot overwrite each other. Some choices keep when they were made
 * (lib/settings/choices.ts).
 */
export async function updateSettings(
  db: LevelmateDatabase,
  change: SettingsPatch | ((current: SettingsRecord) => SettingsPatch),
  now: number,
): Promise<SettingsRecord> {
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    const patch = typeof change === 'function' ? change(current) : change;
    const next = { ...current, ...patch, id: SETTINGS_ID } as SettingsRecord;
    if (patch.excludedSites) next.excludedSites = [...new Set(patch.excludedSites)].sort();
    const made = TIMED_CHOICES.filter((name) => current[name] !== next[name]);
    if (made.length > 0)
      next.choiceAt = { ...current.choiceAt, ...Object.fromEntries(made.map((n) => [n, now])) };
    await db.settings.put(next);
    return next;
  });
}

/** Chooses the person's level for a guide; null takes the choice back (suggested again). */
export async function setCurrentLevel(
  db: LevelmateDatabase,
  guideId: string,
  level: number | null,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const settings = await readSettings(db);
    const { [guideId]: previous, ...others } = settings.currentLevels;
    if ((previous ?? null) === level) return;
    await db.settings.put({
      ...settings,
      currentLevels: level === null ? others : { ...others, [guideId]: level },
      choiceAt: { ...settings.choiceAt, [levelChoice(guideId)]: now },
    });
  });
}
