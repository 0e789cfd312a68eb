import { z } from './zod';
import { ITEM_STATES } from '../progress/item-state';
import { parseKey } from '../sync/local-values';
import { DEVICE_ID, type Piece, type ShareMeta } from '../sync/storage-items';
import { LIMITS } from './constants';
import { Host, Timestamp } from './records';

/*
 * What another browser wrote into sync storage is input like any other: it is checked in full
 * before any of it is merged, and a share that does not pass is left out whole (with a reason
 * the person can read in Settings) rather than half applied.
 */

const DeviceId = z.string().check(z.regex(new RegExp(`^${DEVICE_ID}$`)));

export const ShareMetaSchema = z.object({
  v: z.literal(1),
  gen: z.string().check(z.minLength(1), z.maxLength(40)),
  pieces: z.int().check(z.gte(1), z.lte(512)),
  seen: z.record(DeviceId, Timestamp),
});

export const PieceSchema = z.object({
  g: z.string().check(z.minLength(1), z.maxLength(40)),
  s: z.string(),
});

/** The value each synced field may hold; null is "none". */
const FIELDS = {
  state: z.nullable(z.enum(ITEM_STATES)),
  note: z.nullable(z.string().check(z.maxLength(LIMITS.note))),
  review: z.nullable(z.strictObject({ step: z.int().check(z.gte(0), z.lte(3)), due: Timestamp })),
  level: z.nullable(z.int().check(z.gte(1), z.lte(7))),
  excludedSites: z.nullable(z.array(Host).check(z.maxLength(LIMITS.excludedSites))),
  showChip: z.nullable(z.boolean()),
} as const;

const FIELDS_OF = {
  item: ['state', 'note', 'review'],
  level: ['level'],
  settings: ['excludedSites', 'showChip'],
} as const;

const WireField = z.tuple([z.unknown(), Timestamp, DeviceId]);

export const ShareEntriesSchema = z
  .record(
    z.string().check(z.maxLength(200)),
    z.record(z.string().check(z.maxLength(40)), WireField),
  )
  .check(
    z.superRefine((entries, ctx) => {
      for (const [key, fields] of Object.entries(entries)) {
        const parsed = parseKey(key);
        if (!parsed) {
          ctx.addIssue({
            code: 'custom',
            message: `an unknown kind of entry "${key.slice(0, 60)}"`,
          });
          continue;
        }
        const allowed: readonly string[] = FIELDS_OF[parsed.kind];
        for (const [name, [value]] of Object.entries(fields)) {
          if (!allowed.includes(name)) {
            ctx.addIssue({ code: 'custom', message: `"${key}" has no field "${name}"` });
            continue;
          }
          const check = FIELDS[name as keyof typeof FIELDS].safeParse(value);
          if (!check.success) {
            ctx.addIssue({ code: 'custom', message: `"${key}" has a bad ${name}` });
          }
        }
      }
    }),
  );

export const isShareMeta = (value: unknown): value is ShareMeta =>
  ShareMetaSchema.safeParse(value).success;
export const isPiece = (value: unknown): value is Piece => PieceSchema.safeParse(value).success;

/** This browser's own memory of sync (storage.local): read back checked, like any input. */
export const SyncMemorySchema = z.object({
  device: DeviceId,
  clock: Timestamp,
  seen: z.record(DeviceId, Timestamp),
  replica: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({ v: z.unknown(), s: z.object({ t: Timestamp, d: z.string() }) }),
    ),
  ),
  restore: z.optional(z.boolean()),
});
