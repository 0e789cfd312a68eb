import { send } from '../ui/send';

/** Pauses recognition until a time, or resumes it (null). */
export function setPause(until: number | null): void {
  void send(
    'updateSettings',
    { pausedUntil: until },
    until === null ? 'resume recognition' : 'pause recognition',
  );
}
