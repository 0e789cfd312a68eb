/*
 * How sync went last, as the background leaves it in local storage for Settings and the note
 * editor to show (a module of its own, so those screens do not load the sync machinery).
 */

export interface SyncStatus {
  on: boolean;
  lastSync: number | null;
  /** Other browsers sharing progress. */
  otherBrowsers: number;
  /** Items whose note is too long for the sync quota and stays in this browser. */
  localNotes: string[];
  /** What went wrong last time, in words; null when all went well. */
  problem: string | null;
}
