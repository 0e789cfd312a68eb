import { GUIDES } from '../builtin/guide';
import { db } from '../db/database';
import type { ImportMode, ImportOutcome } from './store';
import { request } from '../ui/send';

/**
 * Imports a backup file here, in the side panel: extension pages share the background's
 * database, and 38 MB of visits need not travel through a message. The importer and its
 * validators load only when a file is imported. The background then applies the imported
 * settings to the browser (content scripts, badges).
 */
export async function importBackupHere(
  text: string,
  mode: ImportMode,
  acceptFewer: boolean,
): Promise<ImportOutcome> {
  const { importBackup } = await import('./store');
  const outcome = await importBackup(db(), text, mode, GUIDES, Date.now(), { acceptFewer });
  if (outcome.kind === 'imported') await request('applySettings', {});
  return outcome;
}
