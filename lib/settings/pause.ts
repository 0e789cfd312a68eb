/**
 * "Pause until I resume" is stored as a pause until the last moment a Date can hold: recording
 * code only compares pausedUntil with now, so no new setting is needed.
 */
export const UNTIL_RESUMED = 8_640_000_000_000_000;

export const ONE_HOUR = 60 * 60_000;

export type PauseState = { paused: false } | { paused: true; until: number | null };

/** Whether recognition is paused now, and until when (null: until the person resumes). */
export function pauseState(pausedUntil: number | null, now: number): PauseState {
  if (pausedUntil === null || pausedUntil <= now) return { paused: false };
  return { paused: true, until: pausedUntil >= UNTIL_RESUMED ? null : pausedUntil };
}

/** "until you resume", or "until 3:45 PM": how long a pause lasts, in words. */
export function pauseEnd(until: number | null): string {
  return until === null
    ? 'until you resume'
    : `until ${new Date(until).toLocaleTimeString(undefined, { timeStyle: 'short' })}`;
}
