import type { SettingsRecord } from '../schemas/records';

/*
 * The settings row's key and defaults, as lib/services/settings.ts defines them. Copied because
 * that module imports records.ts, whose Zod schemas would add ~80 kB to the popup and panel.
 */
export const SETTINGS_ROW = 'settings';

export const UI_DEFAULT_SETTINGS: SettingsRecord = {
  id: SETTINGS_ROW,
  currentLevels: {},
  pausedUntil: null,
  excludedSites: [],
  recogniseAnySite: false,
  showChip: true,
};
