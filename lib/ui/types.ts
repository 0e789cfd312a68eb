/*
 * The shapes screens show, from the layers screens may not import: components get them here.
 */
export type { StoredVisit } from '../db/database';
export type { PageInfo, PageVerdict, StudiedOutcome } from '../visits/page-verdict';
