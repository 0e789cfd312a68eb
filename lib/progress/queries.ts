import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../db/database';
import { stateLookup, suggestedLevel, type StateLookup } from './progress';
import type { Guide } from '../schemas/guide';
import type { ItemStateRecord, SettingsRecord } from '../schemas/records';
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../schemas/constants';

/*
 * Reads of the progress data every screen needs. Each returns undefined while loading, so a
 * screen can tell "still opening the database" from "nothing saved yet".
 */

export function useSettings(): SettingsRecord | undefined {
  return useLiveQuery(async () => (await db().settings.get(SETTINGS_ID)) ?? DEFAULT_SETTINGS);
}

export interface SavedProgress {
  lookup: StateLookup;
  byItem: ReadonlyMap<string, ItemStateRecord>;
  /** Saved rows: zero means a first-time user. */
  count: number;
}

/** The guide's saved item states: a few hundred rows at most, so read whole. */
function useSavedProgress(guideId: string): SavedProgress | undefined {
  const rows = useLiveQuery(
    () => db().itemStates.where('guideId').equals(guideId).toArray(),
    [guideId],
  );
  return useMemo(
    () =>
      rows && {
        lookup: stateLookup(rows),
        byItem: new Map(rows.map((row) => [row.itemId, row])),
        count: rows.length,
      },
    [rows],
  );
}

export interface CurrentLevel {
  number: number;
  /** False while the level is only suggested (the person never chose one). */
  chosen: boolean;
}

/** The level the person works on: their choice, or the lowest level not yet ready. */
export function currentLevelOf(
  guide: Guide,
  settings: SettingsRecord,
  lookup: StateLookup,
): CurrentLevel {
  const chosen = settings.currentLevels[guide.id];
  return chosen === undefined
    ? { number: suggestedLevel(guide.levels, lookup), chosen: false }
    : { number: chosen, chosen: true };
}

export interface ProgressData {
  settings: SettingsRecord;
  saved: SavedProgress;
  current: CurrentLevel;
}

/** Settings, saved states and the current level together, or undefined while loading. */
export function useProgressData(guide: Guide): ProgressData | undefined {
  const settings = useSettings();
  const saved = useSavedProgress(guide.id);
  return useMemo(
    () =>
      settings && saved
        ? { settings, saved, current: currentLevelOf(guide, settings, saved.lookup) }
        : undefined,
    [guide, settings, saved],
  );
}

/** How many rows of the person's data there are (item states, visit days, notes' rows), kept live. */
export function useDataSize(): number | undefined {
  return useLiveQuery(async () => {
    const [states, days, choices] = await Promise.all([
      db().itemStates.count(),
      db().visitDays.count(),
      db().urlChoices.count(),
    ]);
    return states + days + choices;
  });
}
