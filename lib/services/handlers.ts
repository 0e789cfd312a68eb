import { z } from 'zod';
import type { Recognition } from '../domain/recognition/recognise';
import type { PageSignals } from '../domain/recognition/signals';
import { normaliseUrl, parsePageUrl, siteFromInput } from '../domain/url';
import type { LevelmateDatabase } from '../db/database';
import type { Guide } from '../schemas/guide';
import {
  CONTENT_SCRIPT_MESSAGES,
  MessageSchemas,
  type MessageData,
  type MessageName,
} from '../schemas/messages';
import { exportBackup, importBackup } from './backup';
import { setItemState, setNote } from './progress';
import type { LevelmateProtocol, PageInfo, PageVerdict } from './protocol';
import { setCurrentLevel, updateSettings } from './settings';
import {
  addActiveTime,
  deleteSiteVisits,
  hasVisits,
  markNotLearning,
  recordRecognisedVisit,
  removeVisit,
  tagPage,
  untagItem,
} from './visits';

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

const handlers: Handlers = {
  async pageSignals(signals, sender, ctx) {
    const recognition = ctx.recognise(signals);
    const verdict: PageVerdict = {
      resource: recognition && { id: recognition.resource.id, title: recognition.resource.title },
      levels: [...new Set(recognition?.items.map((item) => item.level) ?? [])],
      recorded: false,
      skipped: null,
      studiedBefore: false,
      showChip: false,
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
    if (sender.tab) ctx.onPageVerdict?.(sender.tab.id, verdict);
    return verdict;
  },
  async activeTime({ url, ms }, _sender, ctx) {
    await addActiveTime(ctx.db, url, ms, ctx.now());
  },
  async markStudied({ url, title }, _sender, ctx) {
    const recognition = ctx.recognise({ url, title, dois: [], isbns: [] });
    const itemIds = recognition?.items.map((item) => item.id) ?? [];
    const page = {
      url,
      title,
      resourceId: recognition?.resource.id ?? null,
      topics: recognition?.topics ?? [],
    };
    if (itemIds.length === 0)
      throw new RejectedMessageError(
        'this page is not a recognised resource; tag it to an item instead',
      );
    await tagPage(ctx.db, page, itemIds, ctx.now());
    // Studying a page moves the items it serves from "not started" to "learning".
    for (const itemId of itemIds) {
      const guideId = guideOfItem(ctx, itemId);
      const saved = guideId && (await ctx.db.itemStates.get([guideId, itemId]));
      if (guideId && (!saved || saved.state === 'not-started')) {
        await setItemState(ctx.db, { guideId, itemId }, 'learning', ctx.now());
      }
    }
  },
  async notLearningPage({ url }, _sender, ctx) {
    await markNotLearning(ctx.db, url, ctx.now());
  },
  async setItemState({ guideId, itemId, state }, _sender, ctx) {
    requireItem(ctx, guideId, itemId);
    await setItemState(ctx.db, { guideId, itemId }, state, ctx.now());
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
    await updateSettings(ctx.db, patch);
  },
  async addExcludedSite({ site }, _sender, ctx) {
    const host = requireSite(site);
    await updateSettings(ctx.db, (current) => ({
      excludedSites: [...current.excludedSites, host],
    }));
  },
  async removeExcludedSite({ site }, _sender, ctx) {
    await updateSettings(ctx.db, (current) => ({
      excludedSites: current.excludedSites.filter((s) => s !== site),
    }));
  },
  async deleteSiteVisits({ site }, _sender, ctx) {
    return deleteSiteVisits(ctx.db, requireSite(site));
  },
  async tagPage({ url, title, itemIds }, _sender, ctx) {
    for (const itemId of itemIds) {
      if (!guideOfItem(ctx, itemId)) throw new RejectedMessageError(`unknown item "${itemId}"`);
    }
    const recognition = ctx.recognise({ url, title, dois: [], isbns: [] });
    const page = {
      url,
      title,
      resourceId: recognition?.resource.id ?? null,
      topics: recognition?.topics ?? [],
    };
    const visit = await tagPage(ctx.db, page, itemIds, ctx.now());
    if (!visit) throw new RejectedMessageError('only web pages (http or https) can be tagged');
  },
  async untagItem({ visitId, itemId }, _sender, ctx) {
    await untagItem(ctx.db, visitId, itemId, ctx.now());
  },
  async removeVisit({ visitId }, _sender, ctx) {
    await removeVisit(ctx.db, visitId);
  },
  async recognisePage({ url, title }, _sender, ctx): Promise<PageInfo> {
    const normalised = normaliseUrl(url);
    const recognition = normalised ? ctx.recognise({ url, title, dois: [], isbns: [] }) : null;
    const choice = normalised ? await ctx.db.urlChoices.get(normalised) : undefined;
    return {
      url: normalised,
      resource: recognition && {
        id: recognition.resource.id,
        title: recognition.resource.title,
        kind: recognition.resource.kind,
      },
      items: recognition?.items ?? [],
      studied: await hasVisits(ctx.db, url),
      notLearning: choice?.notLearning ?? false,
    };
  },
  async exportBackup(_data, _sender, ctx) {
    return JSON.stringify(await exportBackup(ctx.db, ctx.guides, ctx.now()));
  },
  async importBackup({ text, mode, acceptFewer }, _sender, ctx) {
    return importBackup(ctx.db, text, mode, ctx.guides, ctx.now(), { acceptFewer });
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
  return handler(parsed.data, sender, ctx);
}

export const MESSAGE_NAMES = Object.keys(MessageSchemas) as MessageName[];
