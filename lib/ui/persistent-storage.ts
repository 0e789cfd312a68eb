let request: Promise<boolean> | undefined;

/**
 * Asks the browser once per page to keep Levelmate's data when disk space runs low (it may
 * grant this silently, e.g. to installed extensions). Resolves to whether storage is persistent.
 */
export function requestPersistentStorage(): Promise<boolean> {
  request ??= (async () => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return false;
    if (await storage.persisted()) return true;
    return storage.persist();
  })().catch(() => false);
  return request;
}
