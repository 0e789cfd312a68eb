import { z } from './zod';
import { ITEM_STATES } from '../progress/item-state';
import { LIMITS, SETTINGS_ID } from './constants';
import { StableId } from './ids';

export const Timestamp = z.int().check(z.gte(0), z.lte(8.64e15));
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a day like "2026-11-22"'));
export const Host = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(LIMITS.host),
    z.regex(/^[a-z0-9.-]+$/, 'a lowercase host like "example.org"'),
  );

export const ItemStateRecord = z.object({
  guideId: StableId,
  itemId: StableId,
  state: z.enum(ITEM_STATES),
  note: z.string().check(z.maxLength(LIMITS.note)),
  updatedAt: Timestamp,
  /**
   * When the person last set the state (0: never, the row exists for its note; missing on
   * rows saved before this was kept: their updatedAt).
   */
  stateAt: z.optional(Timestamp),
  /**
   * When the note last changed (missing on rows saved before this was kept: their updatedAt).
   * A later state change must not make an older note look newer than another browser's.
   */
  noteAt: z.optional(Timestamp),
  /** When a done item was done (missing for items not done). */
  doneAt: z.optional(Timestamp),
  /** Marked done by placing oneself, not studied here: reports say so. */
  placed: z.optional(z.literal(true)),
  /** A done item's next review (missing: a week after it was done). */
  review: z.optional(z.object({ step: z.int().check(z.gte(0), z.lte(3)), due: Timestamp })),
});

export const ArchivedItemStateRecord = z.extend(ItemStateRecord, {
  id: z.optional(z.int().check(z.positive())),
  fromVersion: z.int().check(z.gte(1)),
  reason: z.enum(['removed', 'renamed', 'merged', 'split']),
  movedTo: z.array(StableId),
  archivedAt: Timestamp,
});

export const VisitRecord = z.object({
  id: z.optional(z.int().check(z.positive())),
  url: z
    .string()
    .check(z.minLength(8), z.maxLength(LIMITS.url), z.regex(/^https?:\/\//, 'an http(s) address')),
  host: Host,
  title: z.string().check(z.maxLength(LIMITS.title)),
  /** The recognised resource's rule id; null for a page tagged by hand. */
  resourceId: z.nullable(StableId),
  itemIds: z.array(StableId).check(z.maxLength(LIMITS.itemsPerVisit)),
  topics: z.array(StableId).check(z.maxLength(LIMITS.itemsPerVisit)),
  firstVisitAt: Timestamp,
  lastVisitAt: Timestamp,
  count: z.int().check(z.gte(1)),
  activeMs: z.int().check(z.gte(0)),
  source: z.enum(['auto', 'manual']),
  /** Why it is tagged to each item, in a few words ("Chapter 7: Transactions"). */
  why: z.optional(z.record(StableId, z.string().check(z.maxLength(LIMITS.why)))),
});

/** One local day's visits: the unit a visit is stored and imported in. */
export const VisitDayRecord = z.object({
  day: Day,
  /** The number the day's next visit gets (ids are never reused within a day). */
  nextSeq: z.int().check(z.gte(1)),
  visits: z.array(z.required(VisitRecord, { id: true })),
});

/** Derived: how often an item (or a resource) was studied, when last, and on which days. */
export const VisitSummaryRecord = z.object({
  key: z.string().check(z.regex(/^(item|resource):/)),
  count: z.int().check(z.gte(0)),
  last: Timestamp,
  days: z.array(Day),
});

/** Derived: which days each address was visited, its addresses hashed into buckets. */
export const PageBucketRecord = z.object({
  bucket: z.int().check(z.gte(0)),
  pages: z.record(z.string(), z.object({ host: Host, days: z.array(Day) })),
});

export const ActivityRecord = z.object({
  day: Day,
  checkoffs: z.int().check(z.gte(0)),
  studyVisits: z.int().check(z.gte(0)),
});

/** A daily reminder: on or off, at a minute of the day. */
export const Reminder = z.object({ on: z.boolean(), minute: z.int().check(z.gte(0), z.lte(1439)) });

export const SettingsRecord = z.object({
  id: z.literal(SETTINGS_ID),
  /** The person's current level, per guide. */
  currentLevels: z.record(StableId, z.int().check(z.gte(1), z.lte(7))),
  /** Recognition is paused until this time; null when running. */
  pausedUntil: z.nullable(Timestamp),
  excludedSites: z.array(Host).check(z.maxLength(LIMITS.excludedSites)),
  recogniseAnySite: z.boolean(),
  showChip: z.boolean(),
  /** The daily review reminder (missing in settings saved before there were reminders: off). */
  reminder: z.optional(Reminder),
  /**
   * When some choices that follow the person to their other browsers were last made here
   * ("level:<guide>", "showChip"; lib/settings/choices.ts). Missing in settings saved before
   * it was kept.
   */
  choiceAt: z.optional(z.record(z.string().check(z.maxLength(100)), Timestamp)),
});

/** A page the person said is not a learning page (or not for some items): remembered per URL. */
export const UrlChoiceRecord = z.object({
  url: z.string().check(z.minLength(8), z.maxLength(LIMITS.url)),
  notLearning: z.boolean(),
  /** Items the person untagged from this page; auto-tagging will not add them back. */
  rejectedItemIds: z.array(StableId).check(z.maxLength(LIMITS.itemsPerVisit)),
  updatedAt: Timestamp,
});

export const GuideVersionRecord = z.object({
  guideId: StableId,
  contentVersion: z.int().check(z.gte(1)),
  updatedAt: Timestamp,
});

/**
 * What a change from a page or the popup did, so its Undo takes exactly that back: "Mark
 * studied" (item states and the visit or tags it added), "not a learning page" (the visits it
 * removed and the choice before), a correction of a page's items (the visit and choice before).
 */
const UndoChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('studied'),
    visitId: z.int().check(z.positive()),
    createdVisit: z.boolean(),
    addedItemIds: z.array(StableId),
    states: z.array(
      z.object({ guideId: StableId, itemId: StableId, before: z.nullable(z.enum(ITEM_STATES)) }),
    ),
  }),
  z.object({
    kind: z.literal('not-learning'),
    url: z.string(),
    choice: z.nullable(UrlChoiceRecord),
    visits: z.array(z.required(VisitRecord, { id: true })),
  }),
  z.object({
    kind: z.literal('retag'),
    url: z.string(),
    choice: z.nullable(UrlChoiceRecord),
    visit: z.nullable(z.required(VisitRecord, { id: true })),
  }),
]);

/** An item state or note another browser's sync removed here: kept 30 days, restorable. */
export const SyncTrashRecord = z.object({
  id: z.optional(z.int().check(z.positive())),
  /** The sync run that removed it (its time): a batch is restored together. */
  batch: Timestamp,
  removedAt: Timestamp,
  /** The row as it was before sync removed it (or emptied its note). */
  row: ItemStateRecord,
  what: z.enum(['item', 'note']),
});

export const UndoRecord = z.object({
  token: z.string().check(z.minLength(8), z.maxLength(64)),
  /** The site of the page it was done on: only that page (or the extension) may undo it. */
  origin: z.string(),
  createdAt: Timestamp,
  change: UndoChange,
});

export type ItemStateRecord = z.infer<typeof ItemStateRecord>;
export type ArchivedItemStateRecord = z.infer<typeof ArchivedItemStateRecord>;
export type VisitRecord = z.infer<typeof VisitRecord> & { id: number };
export type VisitDayRecord = z.infer<typeof VisitDayRecord>;
export type VisitSummaryRecord = z.infer<typeof VisitSummaryRecord>;
export type PageBucketRecord = z.infer<typeof PageBucketRecord>;
export type ActivityRecord = z.infer<typeof ActivityRecord>;
export type SettingsRecord = z.infer<typeof SettingsRecord>;
export type UrlChoiceRecord = z.infer<typeof UrlChoiceRecord>;
export type GuideVersionRecord = z.infer<typeof GuideVersionRecord>;
export type UndoRecord = z.infer<typeof UndoRecord>;
export type SyncTrashRecord = z.infer<typeof SyncTrashRecord>;
