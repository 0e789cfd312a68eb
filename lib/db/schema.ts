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

export const SCHEMA_VERSIONS = [{ version: 1, stores: SCHEMA_V1 }] as const;

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

export const DATABASE_NAME = 'levelmate';
