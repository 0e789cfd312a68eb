import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { formatBytes } from '@/lib/backup/backup-file-effects';
import { useDataSize } from '@/lib/progress/queries';
import { requestPersistentStorage } from '@/lib/ui/persistent-storage';

/**
 * Whether the browser keeps Levelmate's data when disk space runs low, and how much there is.
 * An extension with "unlimitedStorage" is never cleared to make room (Chrome and Firefox), so
 * that is what it says, whatever the web's persistence flag answers for extension pages.
 */
export function StorageSection() {
  const [persistent, setPersistent] = useState<boolean | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const size = useDataSize();
  useEffect(() => {
    let live = true;
    const unlimited = browser.runtime.getManifest().permissions?.includes('unlimitedStorage');
    void requestPersistentStorage().then(
      (granted) => live && setPersistent(granted || !!unlimited),
    );
    return () => {
      live = false;
    };
  }, []);
  // Asked again whenever the data changes (a deletion, an import): what it says stays true.
  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate?.()
      .then((estimate) => live && setUsage(estimate.usage ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [size]);

  return (
    <section className="card settings-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {persistent === null ? (
        <p className="hint">Checking…</p>
      ) : (
        <>
          <p className={persistent ? 'status-line status-on' : 'status-line status-paused'}>
            <span className="status-dot" aria-hidden="true" />
            {persistent
              ? 'Kept: the browser does not clear Levelmate’s data to free disk space.'
              : 'Not persistent: the browser may clear Levelmate’s data if the disk fills up. Export a backup now and then.'}
          </p>
          {size === 0 ? (
            <p className="hint">Nothing is stored yet.</p>
          ) : (
            usage !== null && <p className="hint">Using {formatBytes(usage)} on this computer.</p>
          )}
        </>
      )}
    </section>
  );
}
