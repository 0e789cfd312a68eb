/** "levelmate-backup-2026-11-22.json", dated by the person's local calendar. */
export function backupFileName(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `levelmate-backup-${now.getFullYear()}-${month}-${day}.json`;
}

/** Saves text (or a file's bytes) through the browser's own download of a Blob link. */
export function downloadText(
  text: string | Blob,
  fileName: string,
  type = 'application/json',
): void {
  const blob = typeof text === 'string' ? new Blob([text], { type }) : text;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the Blob can go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
