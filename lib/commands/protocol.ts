import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageData } from './messages';

import type { SkipReason } from '../visits/visit-policy';
import type { TagReason } from '../recognition/recognise';
import type { StateChange } from '../progress/store';

/** An item a page counts for, as the chip and popup name it. */
export interface PageItem {
  id: string;
  level: number;
  /** The item's short name. */
  short: string;
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
}

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
  /** Pass to `undoStudied` to take it all back. */
  undo: string;
}

/** A settings change is saved; a follow-up that failed afterwards is said, not hidden. */
export interface SettingsOutcome {
  warning: string | null;
}

/*
 * The background's services. Types only here: the UI and the content script send messages
 * without carrying the validators; the background checks every message (lib/schemas/messages).
 */
export interface LevelmateProtocol {
  pageSignals(data: MessageData<'pageSignals'>): PageVerdict;
  activeTime(data: MessageData<'activeTime'>): void;
  markStudied(data: MessageData<'markStudied'>): StudiedOutcome;
  undoStudied(data: MessageData<'undoStudied'>): void;
  notLearningPage(data: MessageData<'notLearningPage'>): void;
  setItemState(data: MessageData<'setItemState'>): void;
  setNote(data: MessageData<'setNote'>): void;
  reviewItem(data: MessageData<'reviewItem'>): void;
  /** Answers each item's state before, to undo with. */
  setItemStates(data: MessageData<'setItemStates'>): StateChange[];
  setCurrentLevel(data: MessageData<'setCurrentLevel'>): void;
  updateSettings(data: MessageData<'updateSettings'>): SettingsOutcome;
  addExcludedSite(data: MessageData<'addExcludedSite'>): SettingsOutcome;
  removeExcludedSite(data: MessageData<'removeExcludedSite'>): SettingsOutcome;
  deleteSiteVisits(data: MessageData<'deleteSiteVisits'>): number;
  tagPage(data: MessageData<'tagPage'>): void;
  untagItem(data: MessageData<'untagItem'>): void;
  retagItem(data: MessageData<'retagItem'>): void;
  restoreVisit(data: MessageData<'restoreVisit'>): void;
  removeVisit(data: MessageData<'removeVisit'>): void;
  recognisePage(data: MessageData<'recognisePage'>): PageInfo;
  exportBackup(data: MessageData<'exportBackup'>): string;
  deleteEverything(data: MessageData<'deleteEverything'>): void;
  applySettings(data: MessageData<'applySettings'>): SettingsOutcome;
  setSync(data: MessageData<'setSync'>): void;
  syncNow(data: MessageData<'syncNow'>): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<LevelmateProtocol>();
