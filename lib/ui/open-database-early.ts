import { db } from '../db/database';

/**
 * Starts opening the database before a page's first render, not after it: opening takes longer
 * than that render, and every view waits for it. A failure is shown where a view reads (its
 * boundary), so it is not reported here.
 */
export function openDatabaseEarly(): void {
  void db()
    .open()
    .catch(() => undefined);
}
