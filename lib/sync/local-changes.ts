import type { Values } from './local-values';
import type { Field, Replica, Value } from './replica';

/** The largest time a Date (and a stamp) can hold. */
const MAX_STAMP = 8.64e15;

/*
 * Turns what changed in this browser since the last sync into stamped fields. A field that
 * differs from the last merged copy was changed here after that copy was merged, so its stamp
 * is later than the stamp it replaces even if this computer's clock is behind the writer's
 * (the skew between devices cannot undo a change made after seeing another). Its time is
 * when the change was made where that is known (an item row's own time), so a change made
 * offline keeps its place among the changes other browsers made meanwhile.
 */

export interface StampOptions {
  device: string;
  now: number;
  /** The latest stamp this device has made: its own stamps only ever grow. */
  clock: number;
  /** Entries this browser can hold (items of installed guides); others are left alone. */
  known: (key: string) => boolean;
  /** When an entry last changed, where this browser knows (an item row's own time). */
  changedAt?: Readonly<Record<string, number>>;
  /**
   * The item changes since the last run came from a restored backup: each keeps its row's own
   * time, so a change made after the backup (here or elsewhere) still wins, and what the backup
   * lacks is not deleted.
   */
  restore?: boolean;
}

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

export function stampLocalChanges(
  mirror: Replica,
  local: Values,
  { device, now, clock, known, changedAt = {}, restore = false }: StampOptions,
): { replica: Replica; clock: number } {
  const replica: Replica = { ...mirror };
  const changes: { key: string; name: string; value: Value; when: number; previous?: Field }[] = [];
  const keys = new Set([...Object.keys(mirror).filter(known), ...Object.keys(local)]);
  for (const key of keys) {
    const before = mirror[key] ?? {};
    // An entry gone from this browser was deleted here: every field becomes null.
    const current = local[key];
    const names = new Set([...Object.keys(before), ...Object.keys(current ?? {})]);
    const isItem = key.startsWith('i|');
    replica[key] = { ...before };
    // An item row's time is when its state or note last changed (its state's own time where
    // known); review dates do not move it.
    const rowTime = Math.min(changedAt[key] ?? now, now);
    const timeOf = (name: string) => Math.min(changedAt[`${key}#${name}`] ?? rowTime, now);
    for (const name of names) {
      const value = current?.[name] ?? null;
      const previous: Field | undefined = before[name];
      // Changed here: a value other than the one last merged, or one set after it even if
      // equal (done, then back to learning, between two runs; the chip shown again, which is
      // its default), which must win over what another browser did before as any change does.
      // A choice this browser has no merged copy of counts if made since this browser last
      // stamped anything (after that, its copy was merged everywhere and let go); an item's
      // field counts only with a value: a note cleared here says nothing of another's note.
      const own = changedAt[`${key}#${name}`];
      const since = previous?.s.t ?? (isItem ? Infinity : clock);
      const setAgain = own !== undefined && own > since;
      if (!setAgain && (previous ? same(previous.v, value) : value === null)) continue;
      // A restored value is as old as its row; older than what is known, it does not win; and
      // a restore never deletes: what the backup lacks is not taken from anywhere.
      if (
        restore &&
        isItem &&
        (value === null || current === undefined || (previous && previous.s.t >= timeOf(name)))
      )
        continue;
      changes.push({ key, name, value, previous, when: name === 'review' ? now : timeOf(name) });
    }
  }
  // Stamped in the order they were made, so each keeps its own time: this device's stamps
  // only grow, but a change made offline an hour ago is not stamped with the time of this run.
  changes.sort((a, b) => a.when - b.when);
  let latest = clock;
  for (const { key, name, value, when, previous } of changes) {
    // A value nobody chose (the state of a row made for a note, at time 0) travels so the
    // note has its item, but stamped 0: any choice made anywhere outranks it.
    if (when === 0 && !previous) {
      replica[key] = { ...replica[key], [name]: { v: value, s: { t: 0, d: device } } };
      continue;
    }
    // After what it replaces and after this device's last stamp; never past the largest time
    // a stamp may hold, whatever an old copy says.
    const t = Math.min(Math.max(when, (previous?.s.t ?? 0) + 1, latest + 1), MAX_STAMP);
    latest = t;
    replica[key] = { ...replica[key], [name]: { v: value, s: { t, d: device } } };
  }
  return { replica, clock: latest };
}
