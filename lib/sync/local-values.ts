import { TIMED_CHOICES, levelChoice } from '../settings/choices';
import type { Entry, Replica, Value } from './replica';

/*
 * The part of a person's data that follows them, as plain values keyed for the sync map:
 * an item's state (with when it was set), its note and its review dates; the chosen level
 * per guide; and the settings about the person (excluded sites, the in-page chip). Visits,
 * the pause and the reminder stay with each browser: they are about the browser, not the
 * person's progress. Null is "none" (no row, no choice), and so is a default nobody chose
 * (an empty note, the chip on): a new browser's defaults never override a choice made in
 * another one.
 */

export type Values = Record<string, Record<string, Value>>;

interface ItemStateLike {
  guideId: string;
  itemId: string;
  state: string;
  note: string;
  updatedAt: number;
  stateAt?: number;
  noteAt?: number;
  doneAt?: number;
  review?: { step: number; due: number };
}

interface SettingsLike {
  currentLevels: Record<string, number>;
  excludedSites: string[];
  showChip: boolean;
  choiceAt?: Record<string, number>;
}

export const itemKey = (guideId: string, itemId: string) => `i|${guideId}|${itemId}`;
export const levelKey = (guideId: string) => `l|${guideId}`;
export const SETTINGS_KEY = 's';

export function parseKey(
  key: string,
):
  | { kind: 'item'; guideId: string; itemId: string }
  | { kind: 'level'; guideId: string }
  | { kind: 'settings' }
  | null {
  const [kind, guideId, itemId, ...rest] = key.split('|');
  if (rest.length > 0) return null;
  if (kind === 'i' && guideId && itemId) return { kind: 'item', guideId, itemId };
  if (kind === 'l' && guideId && itemId === undefined) return { kind: 'level', guideId };
  if (key === SETTINGS_KEY) return { kind: 'settings' };
  return null;
}

/** The values of this browser's data, for the guides installed here. */
export function localValues(
  itemStates: readonly ItemStateLike[],
  settings: SettingsLike,
  guideIds: readonly string[],
): { values: Values; changedAt: Record<string, number> } {
  const values: Values = {};
  const changedAt: Record<string, number> = {};
  for (const row of itemStates) {
    const key = itemKey(row.guideId, row.itemId);
    values[key] = {
      state: row.state,
      note: row.note === '' ? null : row.note,
      review: row.review ? { step: row.review.step, due: row.review.due } : null,
    };
    changedAt[key] = row.updatedAt;
    // The state's and the note's own times, where the row has them (a row made for a note
    // never chose its "not started"; a later state change does not make an older note newer).
    if (row.stateAt !== undefined) changedAt[`${key}#state`] = row.stateAt;
    if (row.noteAt !== undefined) changedAt[`${key}#note`] = row.noteAt;
  }
  const choiceAt = settings.choiceAt ?? {};
  const chosen = (field: string, choice: string) => {
    if (choiceAt[choice] !== undefined) changedAt[field] = choiceAt[choice];
  };
  for (const guideId of guideIds) {
    values[levelKey(guideId)] = { level: settings.currentLevels[guideId] ?? null };
    chosen(`${levelKey(guideId)}#level`, levelChoice(guideId));
  }
  values[SETTINGS_KEY] = {
    excludedSites: settings.excludedSites.length > 0 ? [...settings.excludedSites] : null,
    // Shown is the default (none); shown again after hiding it is a choice like hiding it.
    showChip: settings.showChip ? (choiceAt.showChip === undefined ? null : true) : false,
  };
  for (const name of TIMED_CHOICES) chosen(`${SETTINGS_KEY}#${name}`, name);
  return { values, changedAt };
}

/** A replica's values, without stamps. */
export function valuesOf(replica: Replica): Values {
  const values: Values = {};
  for (const [key, entry] of Object.entries(replica)) {
    values[key] = Object.fromEntries(Object.entries(entry).map(([name, f]) => [name, f.v]));
  }
  return values;
}

/**
 * The item row a merged entry describes, dated by its latest state or note change; null when
 * it has no state (deleted).
 */
export function itemRowOf(key: string, entry: Entry): ItemStateLike | null {
  const parsed = parseKey(key);
  const state = entry.state?.v;
  if (parsed?.kind !== 'item' || typeof state !== 'string') return null;
  const note = entry.note?.v;
  const review = entry.review?.v as { step: number; due: number } | null | undefined;
  return {
    guideId: parsed.guideId,
    itemId: parsed.itemId,
    state,
    note: typeof note === 'string' ? note : '',
    updatedAt: Math.max(entry.state!.s.t, entry.note?.s.t ?? 0),
    stateAt: entry.state!.s.t,
    ...(entry.note ? { noteAt: entry.note.s.t } : {}),
    // Done when the state became "done" (the review dates travel on their own).
    ...(state === 'done' ? { doneAt: entry.state!.s.t } : {}),
    ...(review ? { review } : {}),
  };
}

const same = (a: Value | undefined, b: Value | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Keys whose values differ between two sets of values (a field missing counts as null). */
export function changedKeys(before: Values, after: Values): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => {
    const a = before[key] ?? {};
    const b = after[key] ?? {};
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].some((f) => !same(a[f], b[f]));
  });
}
