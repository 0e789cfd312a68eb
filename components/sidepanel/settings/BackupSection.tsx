import { useState } from 'react';
import { sendMessage } from '@/lib/services/protocol';
import { backupFileName, downloadText, formatBytes } from '@/lib/ui/backup-file';
import { describeFailure } from '@/lib/ui/send';
import { ImportBackup } from './ImportBackup';

type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

export function BackupSection() {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });

  const exportBackup = async () => {
    setStatus({ kind: 'busy' });
    try {
      const json = await sendMessage('exportBackup', {});
      const name = backupFileName(new Date());
      downloadText(json, name);
      setStatus({ kind: 'done', text: `Saved ${name} (${formatBytes(new Blob([json]).size)}).` });
    } catch (error) {
      setStatus({ kind: 'failed', text: describeFailure('export the backup', error) });
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="hint">
        Your progress, notes and studied pages live only in this browser. Export a backup now and
        then, and import it to move to another computer or browser.
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={status.kind === 'busy'}
          onClick={() => void exportBackup()}
        >
          {status.kind === 'busy' ? 'Exporting…' : 'Export backup'}
        </button>
      </div>
      <p className={status.kind === 'failed' ? 'field-error' : 'field-ok'} role="status">
        {(status.kind === 'done' || status.kind === 'failed') && status.text}
      </p>
      <ImportBackup />
    </section>
  );
}
