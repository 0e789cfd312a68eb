import { z } from 'zod';
import { ITEM_STATES } from '../progress/item-state';
import { SIGNAL_LIMITS } from '../recognition/signals';
import { StableId } from '../schemas/ids';
import { LIMITS, PAGE_MESSAGES } from '../schemas/constants';
import { VisitRecord } from '../schemas/records';

/*
 * Every message the background accepts, validated before anything is done with it. A message
 * that does not fit is dropped and logged; it never reaches the database.
 */

const Url = z.string().min(1).max(LIMITS.url);
const ItemKey = { guideId: StableId, itemId: StableId };

const L = SIGNAL_LIMITS;
export const PageSignalsMessage = z.object({
  url: Url,
  title: z.string().max(L.title),
  dois: z.array(z.string().max(L.identifier)).max(L.identifiers),
  isbns: z.array(z.string().max(L.identifier)).max(L.identifiers),
  words: z
    .object({
      headline: z.string().max(L.headline),
      siteName: z.string().max(L.siteName),
      headings: z.array(z.string().max(L.heading)).max(L.headings),
      description: z.string().max(L.description),
      keywords: z.string().max(L.keywords),
    })
    .optional(),
});

/** The page a popup or chip acts on: its tab (the extension's pages say which) and address. */
const PageRef = {
  url: Url,
  title: z.string().max(LIMITS.title * 4),
  tabId: z.number().int().min(0).optional(),
};

export const MessageSchemas = {
  // from content scripts (only these; see CONTENT_SCRIPT_MESSAGES)
  pageSignals: PageSignalsMessage,
  activeTime: z.object({
    url: Url,
    ms: z
      .number()
      .int()
      .min(0)
      .max(60 * 60_000),
  }),
  // from the extension's own pages, and the chip's buttons
  markStudied: z.object(PageRef),
  undoStudied: z.object({ undo: z.string().min(8).max(64) }),
  notLearningPage: z.object({ url: Url, tabId: z.number().int().min(0).optional() }),
  setItemState: z.object({ ...ItemKey, state: z.enum(ITEM_STATES) }),
  setNote: z.object({ ...ItemKey, note: z.string().max(LIMITS.note) }),
  reviewItem: z.object({ ...ItemKey, answer: z.enum(['still', 'shaky', 'forgotten']) }),
  setItemStates: z.object({
    guideId: StableId,
    changes: z
      .array(z.object({ itemId: StableId, state: z.enum(ITEM_STATES) }))
      .min(1)
      .max(LIMITS.itemsPerChange),
  }),
  /** null: no level chosen (it is suggested from progress again). */
  setCurrentLevel: z.object({
    guideId: StableId,
    level: z.number().int().min(1).max(7).nullable(),
  }),
  updateSettings: z
    .object({
      pausedUntil: z.number().int().min(0).nullable(),
      showChip: z.boolean(),
      recogniseAnySite: z.boolean(),
      reminder: z.object({ on: z.boolean(), minute: z.number().int().min(0).max(1439) }),
    })
    .partial()
    .strict(),
  addExcludedSite: z.object({
    site: z
      .string()
      .min(1)
      .max(LIMITS.host + 20),
  }),
  removeExcludedSite: z.object({ site: z.string().min(1).max(LIMITS.host) }),
  deleteSiteVisits: z.object({
    site: z
      .string()
      .min(1)
      .max(LIMITS.host + 20),
  }),
  tagPage: z.object({
    url: Url,
    title: z.string().max(LIMITS.title * 4),
    itemIds: z.array(StableId).min(1).max(LIMITS.itemsPerVisit),
  }),
  untagItem: z.object({ visitId: z.number().int().positive(), itemId: StableId }),
  retagItem: z.object({
    visitId: z.number().int().positive(),
    itemId: StableId,
    why: z.string().max(LIMITS.why).optional(),
  }),
  restoreVisit: z.object({ visit: VisitRecord.required({ id: true }) }),
  removeVisit: z.object({ visitId: z.number().int().positive() }),
  recognisePage: z.object(PageRef),
  exportBackup: z.object({}).strict(),
  deleteEverything: z.object({}).strict(),
  /** After an import in the side panel: the browser follows the imported settings. */
  applySettings: z.object({}).strict(),
  /** Sync through the browser's account, on or off in this browser. */
  setSync: z.object({ on: z.boolean() }).strict(),
  /** Sync now (Settings' "Sync now"). */
  syncNow: z.object({}).strict(),
} as const;

export type MessageName = keyof typeof MessageSchemas;
export type MessageData<N extends MessageName> = z.infer<(typeof MessageSchemas)[N]>;

/** The messages a content script may send, each about its own page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set(PAGE_MESSAGES);
