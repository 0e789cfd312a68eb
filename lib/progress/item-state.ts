/** The four states a checklist item can be in. Kept free of Zod so UI bundles stay small. */
export const ITEM_STATES = ['not-started', 'learning', 'done', 'skipped'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The share of counted items that must be done before a level is "ready for the next". */
export const READINESS_THRESHOLD = 0.8;
