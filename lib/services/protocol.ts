import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ImportOutcome } from './backup';
import type { MessageData } from '../schemas/messages';

/** What the background answers a content script about its page. */
export interface PageVerdict {
  resource: { id: string; title: string } | null;
  levels: number[];
  recorded: boolean;
  /** Why nothing was recorded: paused, excluded, incognito, or "not a learning page". */
  skipped: string | null;
  studiedBefore: boolean;
  showChip: boolean;
}

/** What the popup shows under "This page". */
export interface PageInfo {
  url: string | null;
  resource: { id: string; title: string; kind: string } | null;
  items: { id: string; level: number }[];
  studied: boolean;
  notLearning: boolean;
}

/*
 * The background's services. Types only here: the UI and the content script send messages
 * without carrying the validators; the background checks every message (lib/schemas/messages).
 */
export interface LevelmateProtocol {
  pageSignals(data: MessageData<'pageSignals'>): PageVerdict;
  activeTime(data: MessageData<'activeTime'>): void;
  markStudied(data: MessageData<'markStudied'>): void;
  notLearningPage(data: MessageData<'notLearningPage'>): void;
  setItemState(data: MessageData<'setItemState'>): void;
  setNote(data: MessageData<'setNote'>): void;
  setCurrentLevel(data: MessageData<'setCurrentLevel'>): void;
  updateSettings(data: MessageData<'updateSettings'>): void;
  addExcludedSite(data: MessageData<'addExcludedSite'>): void;
  removeExcludedSite(data: MessageData<'removeExcludedSite'>): void;
  deleteSiteVisits(data: MessageData<'deleteSiteVisits'>): number;
  tagPage(data: MessageData<'tagPage'>): void;
  untagItem(data: MessageData<'untagItem'>): void;
  removeVisit(data: MessageData<'removeVisit'>): void;
  recognisePage(data: MessageData<'recognisePage'>): PageInfo;
  exportBackup(data: MessageData<'exportBackup'>): string;
  importBackup(data: MessageData<'importBackup'>): ImportOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<LevelmateProtocol>();
