import { mergeNotes } from '../progress/note-merge';
import type { Values } from './local-values';
import type { Field, Replica, Share } from './replica';

/*
 * What sync must never do, whatever another browser sends: let one change dated far in the
 * future freeze every later edit, or let one edit of a note silently replace another.
 */

const DAY = 86_400_000;
/** The largest time a Date (and a stamp) can hold. */
export const MAX_STAMP = 8.64e15;

/**
 * Leaves out of other browsers' shares every field stamped more than a day ahead of this
 * computer's clock: applied, it would outrank every change made here for as long as that.
 * Answers the shares without them and how many were held.
 */
export function holdFutureStamps(
  shares: readonly Share[],
  now: number,
): { shares: Share[]; held: number } {
  const limit = Math.min(now + DAY, MAX_STAMP);
  let held = 0;
  const kept = shares.map((share) => {
    const entries: Replica = {};
    for (const [key, entry] of Object.entries(share.entries)) {
      const fields: Record<string, Field> = {};
      for (const [name, field] of Object.entries(entry)) {
        if (field.s.t > limit) held++;
        else fields[name] = field;
      }
      if (Object.keys(fields).length > 0) entries[key] = fields;
    }
    return { ...share, entries };
  });
  return { shares: kept, held };
}

/**
 * Where a note was edited both here and in another browser since the last run, both edits are
 * kept (see mergeNotes) as a new change of this device's, whichever of the two was later.
 */
export function keepBothNotes(
  base: Replica,
  local: Values,
  merged: Replica,
  shares: readonly Share[],
  stamp: { device: string; clock: number; now: number },
): { merged: Replica; clock: number } {
  let clock = stamp.clock;
  const result: Replica = { ...merged };
  const text = (field: Field | undefined) => (field?.v as string | null | undefined) ?? '';
  for (const [key, fields] of Object.entries(local)) {
    if (!key.startsWith('i|')) continue;
    const before = base[key]?.note;
    const mine = (fields.note as string | null | undefined) ?? '';
    if (mine === text(before)) continue;
    // The latest edit of this note another browser made since the last run here.
    const theirs = shares
      .map((share) => share.entries[key]?.note)
      .filter((f): f is Field => f !== undefined && (!before || f.s.t > before.s.t))
      .sort((a, b) => b.s.t - a.s.t)[0];
    if (!theirs || text(theirs) === mine || text(theirs) === text(before)) continue;
    const note = mergeNotes(text(before), mine, text(theirs));
    // Their edit already holds mine: theirs stands, as they wrote it.
    if (note === text(theirs)) {
      result[key] = { ...result[key], note: theirs };
      continue;
    }
    // A new text (both edits, or mine over theirs): just after the later of the two edits,
    // not at this run's time, so an edit made after both, anywhere, still wins.
    const winner = merged[key]?.note?.s.t ?? 0;
    const t = Math.min(Math.max(winner, theirs.s.t) + 1, MAX_STAMP);
    clock = Math.max(clock, t);
    result[key] = { ...result[key], note: { v: note, s: { t, d: stamp.device } } };
  }
  return { merged: result, clock };
}
