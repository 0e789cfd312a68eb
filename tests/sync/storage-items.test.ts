import { describe, expect, it } from 'vitest';
import type { Replica } from '@/lib/sync/replica';
import {
  cutText,
  fitShare,
  fromWire,
  itemBytes,
  itemsByDevice,
  quotaUse,
  readShare,
  shareItems,
  SYNC_LIMITS,
  type Piece,
  type ShareMeta,
} from '@/lib/sync/storage-items';
import { isPiece, isShareMeta, ShareEntriesSchema } from '@/lib/schemas/sync';

const DEVICE = 'dev0000001';
const stamp = { t: 1_763_800_000_000, d: DEVICE };

/** `count` done items, each with a note of `noteLength` characters drawn from `alphabet`. */
function progress(count: number, noteLength: number, alphabet = 'abc "\\é漢😀\n'): Replica {
  const replica: Replica = {};
  for (let i = 0; i < count; i++) {
    const chars = [...alphabet];
    const note = Array.from({ length: noteLength }, (_, j) => chars[(i + j) % chars.length]).join(
      '',
    );
    replica[`i|backend-engineering|item-${i}`] = {
      state: { v: 'done', s: stamp },
      note: { v: note, s: stamp },
      review: { v: { step: 1, due: stamp.t + 1 }, s: stamp },
    };
  }
  return replica;
}

/** Reads a device's share back the way another browser does. */
function readBack(items: Record<string, unknown>): Replica {
  const share = readShare(DEVICE, items, isShareMeta, isPiece);
  if (share.kind !== 'ready') throw new Error(share.kind);
  return fromWire(ShareEntriesSchema.parse(share.wire) as never);
}

function expectWithinQuota(items: Record<string, unknown>) {
  for (const [key, value] of Object.entries(items)) {
    expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_LIMITS.itemBytes);
  }
  const use = quotaUse(items);
  expect(use.bytes).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
  expect(use.items).toBeLessThanOrEqual(SYNC_LIMITS.items);
}

describe("a browser's share in sync storage", () => {
  it('cuts a note longer than one item into pieces that each fit, and reads back the same', () => {
    // 20,000 characters (the longest note), with quotes, backslashes and 4-byte characters.
    const entries = progress(1, 20_000);
    const { items, localNotes } = fitShare(DEVICE, { entries, seen: {} }, { bytes: 0, items: 0 });
    expect(localNotes).toEqual([]);
    expect(Object.keys(items).length).toBeGreaterThan(3);
    expectWithinQuota(items);
    expect(readBack(items)).toEqual(entries);
  });

  it('keeps the longest notes in this browser when all of them would not fit, and says which', () => {
    // 91 items with 2,000-character notes: far more than the 102,400 bytes.
    const entries = progress(91, 2_000);
    const othersUse = { bytes: 30_000, items: 20 };
    const { items, localNotes } = fitShare(DEVICE, { entries, seen: {} }, othersUse);
    expect(localNotes.length).toBeGreaterThan(0);
    expect(quotaUse(items).bytes + othersUse.bytes).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
    // …and no more notes than it must: the share fills the room within about one note.
    expect(quotaUse(items).bytes + othersUse.bytes).toBeGreaterThan(SYNC_LIMITS.totalBytes - 8_192);
    expectWithinQuota(items);
    const back = readBack(items);
    for (const key of Object.keys(entries)) {
      // Every state syncs; a note either syncs whole or stays local, never cut short.
      expect(back[key]!.state).toEqual(entries[key]!.state);
      if (localNotes.includes(key)) expect(back[key]!.note).toBeUndefined();
      else expect(back[key]!.note).toEqual(entries[key]!.note);
    }
  });

  it('never cuts inside a character', () => {
    const pieces = cutText('😀'.repeat(50), 10);
    expect(pieces.join('')).toBe('😀'.repeat(50));
    for (const piece of pieces) expect([...piece].every((c) => c === '😀')).toBe(true);
  });

  it('waits for the rest of a write that arrived in part, and refuses a forged one', () => {
    const first = shareItems(DEVICE, { entries: progress(3, 5_000), seen: {} });
    const second = shareItems(DEVICE, { entries: progress(3, 6_000), seen: {} });
    const mixed = { ...second, [`${DEVICE}.0`]: first[`${DEVICE}.0`] };
    expect(readShare(DEVICE, mixed, isShareMeta, isPiece).kind).toBe('incomplete');
    const meta = first[`${DEVICE}.meta`] as ShareMeta;
    const forged: Record<string, unknown> = {
      [`${DEVICE}.meta`]: { ...meta, pieces: 1 },
      [`${DEVICE}.0`]: {
        g: meta.gen,
        s: '{"i|backend-engineering|x":{"state":["owned",1,"dev0000001"]}}',
      } satisfies Piece,
    };
    const share = readShare(DEVICE, forged, isShareMeta, isPiece);
    expect(share.kind).toBe('ready');
    expect(ShareEntriesSchema.safeParse((share as { wire: unknown }).wire).success).toBe(false);
  });

  it('sorts the sync area by device and ignores keys that are not shares', () => {
    const items = { ...shareItems('devA000001', { entries: {}, seen: {} }), other: 1, 'x.y': 2 };
    expect([...itemsByDevice(items).keys()]).toEqual(['devA000001']);
  });
});
