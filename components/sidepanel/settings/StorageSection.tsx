import { useEffect, useState } from 'react';
import { formatBytes } from '@/lib/backup/backup-file-effects';
import { requestPersistentStorage } from '@/lib/ui/persistent-storage';

interface StorageInfo {
  persistent: boolean;
  usage: number | null;
}

async function readStorageInfo(): Promise<StorageInfo> {
  const persistent = await requestPersistentStorage();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { persistent, usage: estimate?.usage ?? null };
}

/** Whether the browser promised to keep Levelmate's data when disk space runs low. */
export function StorageSection() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    void readStorageInfo().then((result) => live && setInfo(result));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="card settings-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {info === null ? (
        <p className="hint">Checking…</p>
      ) : (
        <>
          <p className={info.persistent ? 'status-line status-on' : 'status-line status-paused'}>
            <span className="status-dot" aria-hidden="true" />
            {info.persistent
              ? 'Persistent: the browser keeps Levelmate’s data even when disk space runs low.'
              : 'Not persistent: the browser may clear Levelmate’s data if the disk fills up. Export a backup now and then.'}
          </p>
          {info.usage !== null && (
            <p className="hint">Using {formatBytes(info.usage)} on this computer.</p>
          )}
        </>
      )}
    </section>
  );
}
