import type { TagReason } from '../recognition/recognise';
import { countsFor } from './counts-for';
import type { SkipReason } from './visit-policy';

/** An item a page counts for, as the chip and popup name it. */
export interface PageItem {
  id: string;
  level: number;
  /** The item's short name. */
  short: string;
  /** Already done: the chip and popup say so. */
  done?: boolean;
}

/** What the background answers a content script about its page. */
export interface PageVerdict {
  resource: { id: string; title: string } | null;
  /** The items this page counts for (its part's, its resource's, or its own words'). */
  items: PageItem[];
  /** The same in words, for the chip: "Counts for: Locking (L4)". */
  countsFor: string;
  recorded: boolean;
  /** Why nothing was recorded: paused, excluded, incognito, or "not a learning page". */
  skipped: SkipReason | null;
  studiedBefore: boolean;
  showChip: boolean;
  /** Items the page may be about instead, offered when the person says the tags are wrong. */
  alternatives: PageItem[];
}

/** A page that counts for nothing: nothing may claim it (the toolbar button included). */
export const NOTHING: PageVerdict = {
  resource: null,
  items: [],
  countsFor: countsFor([]),
  recorded: false,
  skipped: null,
  studiedBefore: false,
  showChip: false,
  alternatives: [],
};

/** What the popup shows under "This page". */
export interface PageInfo {
  url: string | null;
  resource: { id: string; title: string; kind: string } | null;
  items: PageItem[];
  /** Why the page counts for its items (shown on request). */
  reason: TagReason | null;
  studied: boolean;
  /** Why this page is not recorded now, if it is not: the person's choices win over recognition. */
  skipped: SkipReason | null;
  /** On a learning site: whether Levelmate may read it, and the permission that allows it. */
  siteAccess: { state: 'granted' | 'needed'; origin: string } | null;
}

/** What "Mark studied" changed, so it can be said and undone. */
export interface StudiedOutcome {
  /** Items moved from "not started" to "learning". */
  started: PageItem[];
  /** Pass to `undo` to take it all back. */
  undo: string;
}
