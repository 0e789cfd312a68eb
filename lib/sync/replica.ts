/*
 * What syncs between a person's browsers, as a last-writer-wins map: each entry (an item's
 * state, a level choice, the settings) is a set of fields, and each field carries the stamp of
 * the change that wrote it (a time and the writing device). Merging keeps, field by field, the
 * value with the greater stamp, so merging is commutative, associative and idempotent: every
 * browser that has seen the same changes shows the same thing, whatever the order. A deletion
 * is a field set to null with its own stamp (a tombstone), so it wins over older values.
 */

/** A change's place in the order: time first, then the device, so no two stamps tie. */
export interface Stamp {
  /** Milliseconds, from a hybrid clock: never behind a change this device has seen. */
  t: number;
  /** The device that made the change. */
  d: string;
}

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface Field {
  v: Value;
  s: Stamp;
}

export type Entry = Record<string, Field>;
export type Replica = Record<string, Entry>;

/** > 0 when `a` is the later change. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.t !== b.t) return a.t - b.t;
  return a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
}

function laterField(a: Field | undefined, b: Field | undefined): Field {
  if (!a) return b!;
  if (!b) return a;
  const order = compareStamps(a.s, b.s);
  if (order !== 0) return order > 0 ? a : b;
  // The same stamp is the same change; should two values ever share one, pick one the same
  // way everywhere.
  return JSON.stringify(a.v) >= JSON.stringify(b.v) ? a : b;
}

/** Field by field, the later change wins. */
export function mergeReplicas(a: Replica, b: Replica): Replica {
  const merged: Replica = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[key] ?? {};
    const right = b[key] ?? {};
    const entry: Entry = {};
    for (const name of new Set([...Object.keys(left), ...Object.keys(right)])) {
      entry[name] = laterField(left[name], right[name]);
    }
    merged[key] = entry;
  }
  return merged;
}

/** The latest stamp of each device in a replica: how far this copy has seen each one. */
export function seenOf(replica: Replica): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const entry of Object.values(replica)) {
    for (const { s } of Object.values(entry)) seen[s.d] = Math.max(seen[s.d] ?? 0, s.t);
  }
  return seen;
}

const isTombstone = (entry: Entry) => Object.values(entry).every((f) => f.v === null);

/**
 * Drops deletions every copy has seen: an entry whose fields are all null once each device in
 * `seenBy` (what each copy says it has seen) has seen its stamps. Until then it is kept, so a
 * copy that was offline learns of the deletion instead of bringing the old value back. Entries
 * `kept` holds stay whatever: a copy that joins later cannot bring their old value back.
 */
export function dropSeenTombstones(
  replica: Replica,
  seenBy: readonly Record<string, number>[],
  kept: (key: string) => boolean = () => false,
): Replica {
  const out: Replica = {};
  for (const [key, entry] of Object.entries(replica)) {
    const seenEverywhere =
      !kept(key) &&
      isTombstone(entry) &&
      Object.values(entry).every(({ s }) => seenBy.every((seen) => (seen[s.d] ?? 0) >= s.t));
    if (!seenEverywhere) out[key] = entry;
  }
  return out;
}

/**
 * What a device publishes: the fields it wrote last, and those whose writer no longer
 * publishes anything (so a value is never stranded with a device that left). Every other
 * field is published by the device that wrote it: the copies together hold one of each.
 */
export function publishedBy(
  replica: Replica,
  device: string,
  publishing: ReadonlySet<string>,
): Replica {
  const mine: Replica = {};
  for (const [key, entry] of Object.entries(replica)) {
    const fields = Object.entries(entry).filter(
      ([, { s }]) => s.d === device || !publishing.has(s.d),
    );
    if (fields.length > 0) mine[key] = Object.fromEntries(fields);
  }
  return mine;
}

export interface Share {
  entries: Replica;
  /** How far that copy has seen each device's changes. */
  seen: Record<string, number>;
}

/**
 * One browser's merge: its own map with every other share, then the deletions all copies
 * have seen dropped. `seen` only grows (it includes what was dropped), so the other copies can
 * tell this one has seen a deletion after it forgot it. Nothing is dropped while a copy's
 * progress is unknown (`othersKnown` false: a share still arriving or unreadable), nor ever
 * what `kept` holds.
 */
export function mergeShares(
  own: Replica,
  ownSeen: Record<string, number>,
  others: readonly Share[],
  othersKnown = true,
  kept?: (key: string) => boolean,
): { merged: Replica; seen: Record<string, number> } {
  const merged = others.reduce((m, share) => mergeReplicas(m, share.entries), own);
  const seen = { ...ownSeen };
  for (const [device, t] of Object.entries(seenOf(merged)))
    seen[device] = Math.max(seen[device] ?? 0, t);
  if (!othersKnown) return { merged, seen };
  return { merged: dropSeenTombstones(merged, [seen, ...others.map((s) => s.seen)], kept), seen };
}
