/**
 * Every schema version the database has had, oldest first. A version is never edited once it
 * has shipped: a change is a new constant, an entry in SCHEMA_VERSIONS, a named upgrade
 * function if rows must change, and a fixture plus a test that old rows survive.
 * Only queried fields are indexed; titles and notes never are.
 */
export const SCHEMA_V1 = {
  // one row per guide and item
  itemStates: '[guideId+itemId], guideId',
  // states of items a guide update renamed, merged, split or removed; kept for good
  archivedItemStates: '++id, guideId',
  // one row per page per study session: "visits of a page" (a prefix of [url+firstVisitAt]),
  // "for item X", "for resource Y", "in the last N days". Every index slows each write (and a
  // 100,000-visit import), so there is none for what is only scanned (hosts, from settings).
  visits: '++id, &[url+firstVisitAt], resourceId, *itemIds, lastVisitAt',
  // one row per local day: check-offs and study visits, for the heatmap and streak
  activity: 'day',
  // a single row holding the person's settings
  settings: 'id',
  // what the person said about a page ("not a learning page", "not this item")
  urlChoices: 'url',
  // the content version of each guide that saved states are written against
  guideVersions: 'guideId',
} as const;

/**
 * Version 2: visits grouped by local day. One row per visit cost about 110 µs per write in
 * Chromium however small the row, so 100,000 visits took 20–35 s to import; a few hundred day
 * rows take a second. The derived stores answer the side panel's questions without scanning.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  // removed in this version: its rows move into visitDays (upgradeVisitsToDays)
  visits: null,
  // one row per local day: that day's visits, each with an id that names its day
  visitDays: 'day',
  // one row per item ("item:…") and per resource ("resource:…"): count, last visit, days
  visitSummaries: 'key',
  // the days each address was visited, addresses hashed into 1,024 buckets
  pageBuckets: 'bucket',
} as const;

/**
 * Version 3: a done item keeps when it was done (doneAt), apart from when it was last edited;
 * a change from the chip or popup keeps its undo in the same transaction; what sync removes
 * is kept recoverable.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  // what a change from the chip or popup did, by its undo token, kept for a few minutes
  undos: 'token, createdAt',
  // item states and notes another browser's sync removed or emptied here, kept 30 days
  syncTrash: '++id, removedAt',
} as const;

export const SCHEMA_VERSIONS = [
  { version: 1, stores: SCHEMA_V1 },
  { version: 2, stores: SCHEMA_V2 },
  { version: 3, stores: SCHEMA_V3 },
] as const;

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

export const DATABASE_NAME = 'levelmate';
