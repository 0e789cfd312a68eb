/*
 * When sync runs: changes close together are sent together (a short wait after the last
 * one), never more often than every few seconds, and one run at a time. Chrome allows an
 * extension 120 sync writes a minute and 1,800 an hour; a run makes at most two (one write,
 * one removal), so one run every five seconds stays under both.
 */

export interface SyncRunner {
  /** Runs after a short wait; calls close together make one run. */
  soon(): void;
  /** Runs now (or right after the run in progress), and resolves when done. */
  now(): Promise<void>;
  /**
   * Runs other sync work (turning sync on or off) in the same line as the runs, so it never
   * overlaps one: a run in flight finishes before sync is turned off, and none starts during.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

export function syncRunner(
  run: () => Promise<void>,
  { waitMs = 2_000, minGapMs = 5_000 } = {},
): SyncRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The last run asked for: each run starts after the one before it ends. */
  let queue = Promise.resolve();
  let lastStart = 0;

  const start = (): Promise<void> => {
    clearTimeout(timer);
    queue = queue.then(async () => {
      lastStart = Date.now();
      try {
        await run();
      } catch (error) {
        console.warn('Levelmate could not sync:', (error as Error).message);
      }
    });
    return queue;
  };

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const done = queue.then(task);
    queue = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  };

  return {
    exclusive,
    soon() {
      clearTimeout(timer);
      const wait = Math.max(waitMs, lastStart + minGapMs - Date.now());
      timer = setTimeout(() => void start(), wait);
    },
    now: start,
  };
}
