import { z } from 'zod';
import type { Recognition } from '../recognition/recognise';
import type { PageSignals } from '../recognition/signals';
import { normaliseUrl, parsePageUrl, siteFromInput } from '../web/url';
import type { LevelmateDatabase } from '../db/database';
import type { Guide } from '../schemas/guide';
import {
  CONTENT_SCRIPT_MESSAGES,
  MessageSchemas,
  type MessageData,
  type MessageName,
} from './messages';
import { countsFor } from '../visits/counts-for';
import { recordingBlocked } from '../visits/visit-policy';
import type { SettingsRecord } from '../schemas/records';
import { eraseEverything, exportBackup } from '../backup/store';
import { DEFAULT_SETTINGS } from '../schemas/constants';
import {
  rememberPage,
  recallPage,
  rememberUndo,
  takeUndo,
  type StudiedUndo,
} from '../visits/page-memory-store';
import { reviewItem, setItemState, setItemStates, setNote } from '../progress/store';
import type {
  LevelmateProtocol,
  PageInfo,
  PageItem,
  PageVerdict,
  SettingsOutcome,
} from './protocol';
import { readSettings, setCurrentLevel, updateSettings } from '../settings/store';
import {
  addActiveTime,
  deleteSiteVisits,
  hasVisits,
  markNotLearning,
  recordRecognisedVisit,
  removeVisit,
  restoreVisit,
  retagItem,
  tagPage,
  untagItem,
  untagItems,
} from '../visits/writes-store';

/** Who sent a message, as the browser (not the message) says. */
export interface Sender {
  /** Set for messages from a content script: its tab and page. */
  tab?: { id: number; url: string; incognito: boolean };
}

export interface HandlerContext {
  db: LevelmateDatabase;
  guides: readonly Guide[];
  now: () => number;
  recognise: (signals: PageSignals) => Recognition | null;
  /** Shows what the toolbar button should say for a tab (a browser side effect). */
  onPageVerdict?: (tabId: number, verdict: PageVerdict) => void;
  /** Browser work a settings change needs after it is saved (content scripts, badges). */
  afterSettingsChange?: (settings: SettingsRecord) => Promise<void>;
  /** Whether a page is on a learning site, and whether the person let Levelmate read it. */
  siteAccess?: (url: string) => Promise<PageInfo['siteAccess']>;
  /** Sync through the browser's account: run soon, run now, join, leave. */
  sync?: SyncControl;
}

export interface SyncControl {
  /** Progress changed here: sync soon (changes close together are sent together). */
  soon(): void;
  now(): Promise<void>;
  join(): Promise<void>;
  leave(): Promise<void>;
}

type Handlers = {
  [N in MessageName]: (
    data: MessageData<N>,
    sender: Sender,
    ctx: HandlerContext,
  ) => Promise<ReturnType<LevelmateProtocol[N]>>;
};

export class RejectedMessageError extends Error {}

/** The installed guide an item belongs to (item ids are unique across guides by design). */
function guideOfItem(ctx: HandlerContext, itemId: string): string | undefined {
  return ctx.guides.find((g) =>
    g.levels.some((level) => level.items.some((item) => item.id === itemId)),
  )?.id;
}

/** Recognised items with their short names, for the chip, badge and popup. */
function named(ctx: HandlerContext, items: Recognition['items'] | undefined): PageItem[] {
  return (items ?? []).flatMap(({ id, level }) => {
    for (const guide of ctx.guides) {
      const item = guide.levels[level - 1]?.items.find((i) => i.id === id);
      if (item) return [{ id, level, short: item.short }];
    }
    return [];
  });
}

function requireItem(ctx: HandlerContext, guideId: string, itemId: string): void {
  if (guideOfItem(ctx, itemId) !== guideId) {
    throw new RejectedMessageError(`unknown item "${itemId}" in guide "${guideId}"`);
  }
}

function requireSite(input: string): string {
  const site = siteFromInput(input);
  if (!site) throw new RejectedMessageError(`"${input}" is not a site name like "example.com"`);
  return site;
}

/** The tab a message is about: the sender's own for a content script, else the one it names. */
function tabOf(sender: Sender, data: { tabId?: number }): number | undefined {
  return sender.tab ? sender.tab.id : data.tabId;
}

/**
 * What a page counts for: the recognition its own content script reported for this tab (its
 * metadata included), else what its address and title say.
 */
async function pageRecognition(
  ctx: HandlerContext,
  page: { url: string; title: string },
  tabId: number | undefined,
): Promise<Recognition | null> {
  const url = normaliseUrl(page.url);
  if (!url) return null;
  const remembered = tabId === undefined ? null : await recallPage(tabId, url);
  if (remembered) return remembered.recognition;
  return ctx.recognise({ url: page.url, title: page.title, dois: [], isbns: [] });
}

/** Saves a settings change, then runs its browser follow-up; a failed follow-up is said. */
async function changeSettings(
  ctx: HandlerContext,
  change: Parameters<typeof updateSettings>[1],
): Promise<SettingsOutcome> {
  const settings = await updateSettings(ctx.db, change);
  try {
    await ctx.afterSettingsChange?.(settings);
    return { warning: null };
  } catch (error) {
    return {
      warning: `Your setting is saved, but the browser did not apply all of it yet (${(error as Error).message}).`,
    };
  }
}

const NOTHING: PageVerdict = {
  resource: null,
  items: [],
  countsFor: countsFor([]),
  recorded: false,
  skipped: null,
  studiedBefore: false,
  showChip: false,
};

const handlers: Handlers = {
  async pageSignals(signals, sender, ctx) {
    const recognition = ctx.recognise(signals);
    const items = named(ctx, recognition?.items);
    const verdict: PageVerdict = {
      ...NOTHING,
      resource: recognition && { id: recognition.resource.id, title: recognition.resource.title },
      items,
      countsFor: countsFor(items),
    };
    if (recognition) {
      const page = {
        url: signals.url,
        title: signals.title,
        incognito: sender.tab?.incognito ?? false,
      };
      const outcome = await recordRecognisedVisit(ctx.db, page, recognition, ctx.now());
      verdict.recorded = outcome.visit !== null;
      verdict.skipped = outcome.skipped;
      verdict.studiedBefore = outcome.studiedBefore;
      verdict.showChip = outcome.showChip && outcome.skipped === null;
    }
    const url = normaliseUrl(signals.url);
    if (sender.tab && url) {
      await rememberPage(sender.tab.id, { url, recognition });
      ctx.onPageVerdict?.(sender.tab.id, verdict);
    }
    return verdict;
  },
  async activeTime({ url, ms }, sender, ctx) {
    await addActiveTime(ctx.db, { url, incognito: sender.tab?.incognito ?? false }, ms, ctx.now());
  },
  async markStudied(data, sender, ctx) {
    const recognition = await pageRecognition(ctx, data, tabOf(sender, data));
    const items = named(ctx, recognition?.items);
    if (!recognition || items.length === 0)
      throw new RejectedMessageError(
        'this page counts for no checklist item; tag it to an item instead',
      );
    const page = {
      url: data.url,
      title: data.title,
      resourceId: recognition.resource.id,
      topics: recognition.topics,
    };
    const tagged = await tagPage(
      ctx.db,
      page,
      items.map((item) => item.id),
      ctx.now(),
    );
    if (!tagged) throw new RejectedMessageError('only web pages (http or https) can be marked');
    // Studying a page moves the items it counts for from "not started" to "learning".
    const started: PageItem[] = [];
    const states: StudiedUndo['states'] = [];
    for (const item of items) {
      const guideId = guideOfItem(ctx, item.id);
      if (!guideId) continue;
      const saved = await ctx.db.itemStates.get([guideId, item.id]);
      if (saved && saved.state !== 'not-started') continue;
      await setItemState(ctx.db, { guideId, itemId: item.id }, 'learning', ctx.now());
      started.push(item);
      states.push({ guideId, itemId: item.id, before: saved?.state ?? null });
    }
    const undo = await rememberUndo({
      visitId: tagged.visit.id,
      createdVisit: tagged.created,
      addedItemIds: tagged.added,
      states,
    });
    return { started, undo };
  },
  async undoStudied({ undo }, _sender, ctx) {
    const record = await takeUndo(undo);
    if (!record) throw new RejectedMessageError('there is nothing to undo any more');
    for (const { guideId, itemId, before } of record.states) {
      await setItemState(ctx.db, { guideId, itemId }, before ?? 'not-started', ctx.now());
    }
    if (record.createdVisit) await removeVisit(ctx.db, record.visitId);
    else await untagItems(ctx.db, record.visitId, record.addedItemIds);
  },
  async notLearningPage(data, sender, ctx) {
    await markNotLearning(ctx.db, data.url, ctx.now());
    const tabId = tabOf(sender, data);
    // The page is ruled out: nothing may claim it any more, the toolbar button included.
    if (tabId !== undefined) ctx.onPageVerdict?.(tabId, { ...NOTHING, skipped: 'not-learning' });
  },
  async setItemState({ guideId, itemId, state }, _sender, ctx) {
    requireItem(ctx, guideId, itemId);
    await setItemState(ctx.db, { guideId, itemId }, state, ctx.now());
  },
  async setItemStates({ guideId, changes }, _sender, ctx) {
    for (const { itemId } of changes) requireItem(ctx, guideId, itemId);
    return setItemStates(ctx.db, guideId, changes, ctx.now());
  },
  async reviewItem({ guideId, itemId, answer }, _sender, ctx) {
    requireItem(ctx, guideId, itemId);
    await reviewItem(ctx.db, { guideId, itemId }, answer, ctx.now());
  },
  async setNote({ guideId, itemId, note }, _sender, ctx) {
    requireItem(ctx, guideId, itemId);
    await setNote(ctx.db, { guideId, itemId }, note, ctx.now());
  },
  async setCurrentLevel({ guideId, level }, _sender, ctx) {
    if (!ctx.guides.some((g) => g.id === guideId))
      throw new RejectedMessageError(`unknown guide "${guideId}"`);
    await setCurrentLevel(ctx.db, guideId, level);
  },
  async updateSettings(patch, _sender, ctx) {
    return changeSettings(ctx, patch);
  },
  async addExcludedSite({ site }, _sender, ctx) {
    const host = requireSite(site);
    return changeSettings(ctx, (current) => ({
      excludedSites: [...current.excludedSites, host],
    }));
  },
  async removeExcludedSite({ site }, _sender, ctx) {
    return changeSettings(ctx, (current) => ({
      excludedSites: current.excludedSites.filter((s) => s !== site),
    }));
  },
  async deleteSiteVisits({ site }, _sender, ctx) {
    return deleteSiteVisits(ctx.db, requireSite(site));
  },
  async tagPage(data, _sender, ctx) {
    for (const itemId of data.itemIds) {
      if (!guideOfItem(ctx, itemId)) throw new RejectedMessageError(`unknown item "${itemId}"`);
    }
    const recognition = await pageRecognition(ctx, data, undefined);
    const page = {
      url: data.url,
      title: data.title,
      resourceId: recognition?.resource.id ?? null,
      topics: recognition?.topics ?? [],
    };
    const tagged = await tagPage(ctx.db, page, data.itemIds, ctx.now());
    if (!tagged) throw new RejectedMessageError('only web pages (http or https) can be tagged');
  },
  async untagItem({ visitId, itemId }, _sender, ctx) {
    await untagItem(ctx.db, visitId, itemId, ctx.now());
  },
  async retagItem({ visitId, itemId, why }, _sender, ctx) {
    if (!guideOfItem(ctx, itemId)) throw new RejectedMessageError(`unknown item "${itemId}"`);
    await retagItem(ctx.db, visitId, itemId, why, ctx.now());
  },
  async restoreVisit({ visit }, _sender, ctx) {
    if (parsePageUrl(visit.url)?.host !== visit.host)
      throw new RejectedMessageError("the visit's site is not its address's");
    for (const itemId of visit.itemIds)
      if (!guideOfItem(ctx, itemId)) throw new RejectedMessageError(`unknown item "${itemId}"`);
    await restoreVisit(ctx.db, visit);
  },
  async removeVisit({ visitId }, _sender, ctx) {
    await removeVisit(ctx.db, visitId);
  },
  async recognisePage(data, _sender, ctx): Promise<PageInfo> {
    const url = normaliseUrl(data.url);
    const parsed = parsePageUrl(data.url);
    const recognition = await pageRecognition(ctx, data, data.tabId);
    const [settings, choice] = url
      ? await Promise.all([readSettings(ctx.db), ctx.db.urlChoices.get(url)])
      : [null, undefined];
    const skipped =
      settings && parsed
        ? recordingBlocked(settings, { host: parsed.host, incognito: false }, choice, ctx.now())
        : null;
    return {
      url,
      resource: recognition && {
        id: recognition.resource.id,
        title: recognition.resource.title,
        kind: recognition.resource.kind,
      },
      items: named(ctx, recognition?.items),
      reason: recognition?.reason ?? null,
      studied: await hasVisits(ctx.db, data.url),
      skipped,
      siteAccess: (await ctx.siteAccess?.(data.url)) ?? null,
    };
  },
  async exportBackup(_data, _sender, ctx) {
    return JSON.stringify(await exportBackup(ctx.db, ctx.guides, ctx.now()));
  },
  async deleteEverything(_data, _sender, ctx) {
    // The other browsers keep their copy: this one stops syncing before it is emptied, so
    // the deletion stays here and the progress does not flow back into it.
    await ctx.sync?.leave();
    await eraseEverything(ctx.db);
    // As on first install: no any-site script, no badges, no remembered pages.
    await ctx.afterSettingsChange?.(DEFAULT_SETTINGS);
  },
  async applySettings(_data, _sender, ctx) {
    return changeSettings(ctx, {});
  },
  async setSync({ on }, _sender, ctx) {
    await (on ? ctx.sync?.join() : ctx.sync?.leave());
  },
  async syncNow(_data, _sender, ctx) {
    await ctx.sync?.now();
  },
};

/**
 * Validates a message and runs its handler. A content script may only report on its own
 * tab's page, and only with the few messages meant for it; anything else is refused.
 */
export async function dispatch<N extends MessageName>(
  name: N,
  raw: unknown,
  sender: Sender,
  ctx: HandlerContext,
): Promise<ReturnType<LevelmateProtocol[N]>> {
  const schema = MessageSchemas[name] as unknown as z.ZodType<MessageData<N>> | undefined;
  if (!schema) throw new RejectedMessageError(`unknown message "${String(name)}"`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new RejectedMessageError(`malformed "${name}" message: ${z.prettifyError(parsed.error)}`);
  }
  if (sender.tab) {
    // Private windows are never recorded; the recogniser still answers so the page can say so.
    if (sender.tab.incognito && name !== 'pageSignals') {
      throw new RejectedMessageError('private windows are never recorded');
    }
    if (!CONTENT_SCRIPT_MESSAGES.has(name)) {
      throw new RejectedMessageError(`a page may not send "${name}"`);
    }
    // Same origin, not same address: single-page sites change the address without the browser
    // updating the sender's, and a page can move itself anywhere on its origin anyway.
    const claimed = parsePageUrl((parsed.data as { url: string }).url)?.origin;
    if (claimed === undefined || claimed !== parsePageUrl(sender.tab.url)?.origin) {
      throw new RejectedMessageError(`a page may only report on its own site`);
    }
  }
  const handler = handlers[name] as Handlers[N];
  const answer = await handler(parsed.data, sender, ctx);
  if (CHANGES_SYNCED_DATA.has(name)) ctx.sync?.soon();
  return answer;
}

/** Messages that can change what syncs: item states, notes, reviews, levels, settings. */
const CHANGES_SYNCED_DATA: ReadonlySet<MessageName> = new Set<MessageName>([
  'markStudied',
  'undoStudied',
  'setItemState',
  'setNote',
  'reviewItem',
  'setItemStates',
  'setCurrentLevel',
  'updateSettings',
  'addExcludedSite',
  'removeExcludedSite',
  'applySettings',
]);

export const MESSAGE_NAMES = Object.keys(MessageSchemas) as MessageName[];
