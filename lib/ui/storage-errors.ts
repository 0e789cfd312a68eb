/** What a person is told when the local database fails, and what they can do about it. */
export interface StorageProblem {
  title: string;
  advice: string;
}

const PROBLEMS: Record<string, StorageProblem> = {
  QuotaExceededError: {
    title: 'There is no room left to save your progress',
    advice:
      'Your disk or the browser’s storage is full. Free some disk space, then try again. Once it works, export a backup and consider deleting visits you no longer need (Settings → Privacy).',
  },
  DatabaseClosedError: {
    title: 'Levelmate’s database was closed',
    advice:
      'This happens when Levelmate is updated or reloaded while this window is open. Try again; if that does not help, close this panel and open it again. Your data is safe.',
  },
  VersionError: {
    title: 'Your data was saved by a newer version of Levelmate',
    advice:
      'This copy of Levelmate is older than the data it found, so it will not touch it. Update Levelmate from the extension store, then open this panel again.',
  },
  VersionChangeError: {
    title: 'Levelmate is being updated',
    advice:
      'Another Levelmate window is upgrading the database. Close other Levelmate side panels and popups, then try again.',
  },
  OpenFailedError: {
    title: 'Levelmate could not open its database',
    advice:
      'The browser refused access to local storage. Close other Levelmate windows and try again; if it keeps failing, restart the browser. Your data has not been changed.',
  },
  InvalidStateError: {
    title: 'The browser’s storage is not available',
    advice:
      'Some private-browsing or strict privacy settings turn storage off. Check that the browser allows sites and extensions to store data, then try again.',
  },
  UnknownError: {
    title: 'The browser’s storage reported an error',
    advice:
      'This is often temporary (low disk space, or a damaged browser profile). Try again; if it keeps happening, restart the browser.',
  },
};

const GENERIC: StorageProblem = {
  title: 'Something went wrong showing this part of Levelmate',
  advice: 'Try again. If it keeps happening, reopen the panel; your saved progress is kept.',
};

/** Error names from an error and what caused it (Dexie wraps the browser's error in `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current = error as { name?: unknown; inner?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.name === 'string') names.push(current.name);
    current = (current.inner ?? current.cause) as typeof current;
  }
  return names;
}

export function explainStorageError(error: unknown): StorageProblem {
  // A full disk shows as a quota error, or as the browser failing to open its storage.
  if (/disk is full|backing store/i.test(String((error as Error)?.message ?? ''))) {
    return PROBLEMS.QuotaExceededError!;
  }
  // The innermost known cause is the most precise (an AbortError caused by a full disk).
  const known = errorNames(error)
    .reverse()
    .find((name) => name in PROBLEMS);
  return known ? PROBLEMS[known]! : GENERIC;
}

/** "QuotaExceededError: …", for the details a person may pass on when asking for help. */
export function technicalDetails(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
