import type { SettingsRecord } from './records';

/*
 * Values both the validators and the UI need. Kept free of Zod, so the popup and side panel
 * can import them without carrying the schemas (about 80 kB).
 */

/** Limits that keep one row small and a hostile page from storing what it likes. */
export const LIMITS = {
  note: 20_000,
  title: 300,
  url: 2048,
  host: 253,
  excludedSites: 500,
  itemsPerVisit: 50,
  /** A whole guide: placement marks every item of the levels it walks through. */
  itemsPerChange: 200,
  why: 160,
} as const;

export const SETTINGS_ID = 'settings';

export const DEFAULT_SETTINGS: SettingsRecord = {
  id: SETTINGS_ID,
  currentLevels: {},
  pausedUntil: null,
  excludedSites: [],
  recogniseAnySite: false,
  showChip: true,
};

export const BACKUP_FORMAT = 'levelmate-backup';
/** 2: visits carry day-named ids and why they are tagged; version-1 files still import. */
export const BACKUP_FORMAT_VERSION = 2;
/**
 * Room for 100,000 visits (about 38 MB), and below what one browser message may carry once
 * the text is escaped (64 MB in Chrome); a larger file is refused before it is read.
 */
export const MAX_BACKUP_BYTES = 48 * 1024 * 1024;

/** The permissions the manifest declares (wxt.config.ts); the tests' browser declares the same. */
export const MANIFEST_PERMISSIONS = [
  'unlimitedStorage',
  'activeTab',
  'scripting',
  'storage',
  'alarms',
] as const;

/** The optional host permission asked for by "recognise on any site". */
export const ANY_SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * The recognition data's file in the built extension, beside the background script: JSON,
 * gzipped. A worker reads a packaged file's bytes in chunks over the browser's IPC, so a
 * quarter of the bytes is a quicker first page (the browser unzips it natively).
 */
export const RECOGNITION_FILE = 'recognition.json.gz';
