import { fnv1a } from '../visits/hash';
import type { Replica, Share, Value } from './replica';

/*
 * A device's share of the sync map, laid out in the browser's sync storage within its limits
 * (Chrome's: 102,400 bytes in all, 8,192 per item counting the key, 512 items). Each device
 * writes only its own keys ("<device>.meta" and "<device>.0", "<device>.1", …), so two devices
 * never overwrite each other. The share is one JSON text cut into pieces that fit an item; the
 * meta names the generation, and a reader that finds pieces of another generation (the sync
 * service delivered half a write) waits for the rest rather than read a mix.
 */

export const SYNC_LIMITS = { totalBytes: 102_400, itemBytes: 8_192, items: 512 } as const;
/** Room kept free in the quota for the meta items' growth between two writes. */
const MARGIN_BYTES = 1_024;

/** A field on the wire: value, time, device. */
type WireField = [Value, number, string];

export interface ShareMeta {
  v: 1;
  gen: string;
  pieces: number;
  seen: Record<string, number>;
}

export interface Piece {
  g: string;
  s: string;
}

const encoder = new TextEncoder();
/** What an item costs against the quota: its key and its value as JSON, in bytes. */
export const itemBytes = (key: string, value: unknown) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

/** What a device id may look like (it starts each of the device's keys). */
export const DEVICE_ID = '[A-Za-z0-9_-]{4,40}';
const DEVICE_KEY = new RegExp(`^(${DEVICE_ID})\\.(meta|\\d{1,4})$`);

export const metaKey = (device: string) => `${device}.meta`;
export const pieceKey = (device: string, index: number) => `${device}.${index}`;

/** The bytes one character adds inside a JSON string. */
function charBytes(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return JSON.stringify(char).length - 2;
  return encoder.encode(char).length;
}

/** Cuts a text into pieces whose items fit the per-item limit (never inside a character). */
export function cutText(text: string, room: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const char of text) {
    const cost = charBytes(char);
    if (bytes + cost > room && piece) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += char;
    bytes += cost;
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** A short, stable name for a text: the same share always has the same generation. */
function generation(text: string): string {
  return `${fnv1a(text).toString(36)}${text.length.toString(36)}`;
}

function toWire(entries: Replica): Record<string, Record<string, WireField>> {
  const wire: Record<string, Record<string, WireField>> = {};
  for (const [key, entry] of Object.entries(entries)) {
    wire[key] = Object.fromEntries(
      Object.entries(entry).map(([name, { v, s }]) => [name, [v, s.t, s.d] as WireField]),
    );
  }
  return wire;
}

/** The storage items of a device's share. */
export function shareItems(device: string, share: Share): Record<string, unknown> {
  const text = JSON.stringify(toWire(share.entries));
  const gen = generation(text);
  // The key and the wrapper {"g":…,"s":""} take room too.
  const room = SYNC_LIMITS.itemBytes - itemBytes(pieceKey(device, 999), { g: gen, s: '' });
  const pieces = cutText(text, room);
  const items: Record<string, unknown> = {
    [metaKey(device)]: { v: 1, gen, pieces: pieces.length, seen: share.seen } satisfies ShareMeta,
  };
  pieces.forEach((s, i) => (items[pieceKey(device, i)] = { g: gen, s } satisfies Piece));
  return items;
}

/** How much of the quota items take: bytes and count. */
export function quotaUse(items: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return { bytes, items: Object.keys(items).length };
}

/** The bytes a text takes once written inside a JSON string. */
function escapedBytes(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += charBytes(char);
  return bytes;
}

/**
 * The largest share of `entries` that fits beside what other devices use: notes go first,
 * the longest first, and stay only in this browser (named in `localNotes`).
 */
export function fitShare(
  device: string,
  share: Share,
  othersUse: { bytes: number; items: number },
): { items: Record<string, unknown>; localNotes: string[] } {
  const over = (items: Record<string, unknown>) => {
    const use = quotaUse(items);
    const bytes = use.bytes + othersUse.bytes + MARGIN_BYTES - SYNC_LIMITS.totalBytes;
    const count = use.items + othersUse.items - SYNC_LIMITS.items;
    return Math.max(bytes, count > 0 ? count * SYNC_LIMITS.itemBytes : 0);
  };
  // What leaving a note out saves: its field in the text, and the piece wrappers around it.
  const notes = Object.entries(share.entries)
    .filter(([, entry]) => typeof entry.note?.v === 'string' && entry.note.v !== '')
    .map(([key, entry]) => {
      const { v, s } = entry.note!;
      return { key, saves: escapedBytes(`"note":${JSON.stringify([v, s.t, s.d])},`) };
    })
    .sort((a, b) => b.saves - a.saves || (a.key < b.key ? -1 : 1));
  const entries = { ...share.entries };
  const localNotes: string[] = [];
  let items = shareItems(device, share);
  let excess = over(items);
  while (excess > 0 && localNotes.length < notes.length) {
    // Leave out enough notes at once for the estimate to fit, then measure again.
    let saved = 0;
    for (const note of notes.slice(localNotes.length)) {
      if (saved >= excess) break;
      const { note: _left, ...rest } = entries[note.key]!;
      entries[note.key] = rest;
      localNotes.push(note.key);
      saved += note.saves;
    }
    items = shareItems(device, { ...share, entries });
    excess = over(items);
  }
  return { items, localNotes: localNotes.sort() };
}

export type ReadShare =
  | { kind: 'ready'; meta: ShareMeta; wire: unknown }
  | { kind: 'incomplete' }
  | { kind: 'unreadable' };

/** The devices present in sync storage, each with the items it wrote. */
export function itemsByDevice(all: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const devices = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(all)) {
    const match = DEVICE_KEY.exec(key);
    if (!match) continue;
    const items = devices.get(match[1]!) ?? {};
    items[key] = value;
    devices.set(match[1]!, items);
  }
  return devices;
}

/**
 * A device's share put back together, as raw JSON for the caller to validate; "incomplete"
 * while pieces of its latest write have not all arrived.
 */
export function readShare(
  device: string,
  items: Record<string, unknown>,
  isMeta: (value: unknown) => value is ShareMeta,
  isPiece: (value: unknown) => value is Piece,
): ReadShare {
  const meta = items[metaKey(device)];
  if (!isMeta(meta)) return { kind: meta === undefined ? 'incomplete' : 'unreadable' };
  let text = '';
  for (let i = 0; i < meta.pieces; i++) {
    const piece = items[pieceKey(device, i)];
    if (piece !== undefined && !isPiece(piece)) return { kind: 'unreadable' };
    if (!piece || piece.g !== meta.gen) return { kind: 'incomplete' };
    text += piece.s;
  }
  try {
    return { kind: 'ready', meta, wire: JSON.parse(text) };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** Wire entries back into the map (the caller validated their shape). */
export function fromWire(wire: Record<string, Record<string, WireField>>): Replica {
  const replica: Replica = {};
  for (const [key, fields] of Object.entries(wire)) {
    replica[key] = Object.fromEntries(
      Object.entries(fields).map(([name, [v, t, d]]) => [name, { v, s: { t, d } }]),
    );
  }
  return replica;
}
