import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '../db/database';

/**
 * Dexie's live queries ignore a DatabaseClosedError (the screen would wait forever or go
 * stale), so the close itself is watched. Returns the error to raise, or null while open.
 */
export function useDatabaseClosed(): Error | null {
  const [closed, setClosed] = useState<Error | null>(null);
  useEffect(() => {
    const database = db();
    const onClose = () =>
      setClosed(new Dexie.DatabaseClosedError('the database connection was closed'));
    database.on('close', onClose);
    return () => database.on('close').unsubscribe(onClose);
  }, []);
  return closed;
}

/** Opens the database again after it was closed; a failed open reports its own error. */
export async function reopenDatabase(): Promise<void> {
  const database = db();
  if (!database.isOpen()) await database.open().catch(() => undefined);
}
