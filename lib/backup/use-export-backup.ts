import { useState } from 'react';
import { describeFailure, request } from '../ui/send';
import { backupFileName, downloadText, formatBytes } from './backup-file-effects';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

/** Exports a backup file, with what happened in words (Settings, and before deleting all). */
export function useExportBackup(): { status: ExportStatus; run: () => Promise<boolean> } {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const run = async () => {
    setStatus({ kind: 'busy' });
    try {
      const json = await request('exportBackup', {});
      const name = backupFileName(new Date());
      downloadText(json, name);
      setStatus({ kind: 'done', text: `Saved ${name} (${formatBytes(new Blob([json]).size)}).` });
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', text: describeFailure('export the backup', error) });
      return false;
    }
  };
  return { status, run };
}
