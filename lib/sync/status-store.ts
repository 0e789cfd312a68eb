import { hasShape, storedItem } from '../db/stored-item';
import type { SyncStatus } from './status';

/** How sync went last, as the background leaves it for Settings and the note editor. */
export const syncStatusItem = storedItem<SyncStatus | null>(
  'local:syncStatus',
  null,
  hasShape({
    on: 'boolean',
    lastSync: 'number|null',
    otherBrowsers: 'number',
    localNotes: 'array',
    problem: 'string|null',
  }),
);
