import { useExportBackup } from '@/lib/backup/use-export-backup';
import { useSyncStatus } from '@/lib/sync/use-sync-status';
import { ImportBackup } from './ImportBackup';

export function BackupSection() {
  const { status, run } = useExportBackup();
  const syncOn = useSyncStatus()?.on === true;
  return (
    <section className="card settings-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="hint">
        {syncOn
          ? 'Your studied pages live only in this browser; your progress and notes also reach your other browsers through sync.'
          : 'Your progress, notes and studied pages live only in this browser (sync is off).'}{' '}
        Export a backup now and then, and import it to move to another computer or browser.
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={status.kind === 'busy'}
          onClick={() => void run()}
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
