import { z } from '../schemas/zod';
import { command, RejectedCommandError, type CommandEnv } from '../commands/command';
import type { LevelmateDatabase } from '../db/database';
import { catalogueOf, type CatalogueItem } from '../guides/catalogue';
import type { Recognition } from '../recognition/recognise';
import { SIGNAL_LIMITS } from '../recognition/signals';
import { LIMITS } from '../schemas/constants';
import { StableId } from '../schemas/ids';
import { VisitRecord } from '../schemas/records';
import { readSettings } from '../settings/store';
import { normaliseUrl, parsePageUrl, siteFromInput } from '../web/url';
import { countsFor } from './counts-for';
import {
  NOTHING,
  type PageInfo,
  type PageItem,
  type PageVerdict,
  type StudiedOutcome,
} from './page-verdict';
import {
  addActiveTime,
  deleteSiteVisits,
  hasVisits,
  recordRecognisedVisit,
  removeVisit,
  restoreVisit,
  retagItem,
  tagPage,
  untagItem,
} from './record-store';
import { correctTags, notLearningWithUndo, studiedUndo, undoChange } from './undo-store';
import { recordingBlocked } from './visit-policy';

/*
 * Visits: what a page reports, and what the person says about the pages they studied. Every
 * entry runs in one transaction over the tables it names (see lib/commands/runner.ts).
 */

const Url = z.string().check(z.minLength(1), z.maxLength(LIMITS.url));
const L = SIGNAL_LIMITS;
const TabId = z.int().check(z.gte(0));

export const PageSignalsInput = z.object({
  url: Url,
  title: z.string().check(z.maxLength(L.title)),
  dois: z.array(z.string().check(z.maxLength(L.identifier))).check(z.maxLength(L.identifiers)),
  isbns: z.array(z.string().check(z.maxLength(L.identifier))).check(z.maxLength(L.identifiers)),
  words: z.optional(
    z.object({
      headline: z.string().check(z.maxLength(L.headline)),
      siteName: z.string().check(z.maxLength(L.siteName)),
      headings: z.array(z.string().check(z.maxLength(L.heading))).check(z.maxLength(L.headings)),
      description: z.string().check(z.maxLength(L.description)),
      keywords: z.string().check(z.maxLength(L.keywords)),
    }),
  ),
});

/** The page a popup or chip acts on: its tab (the extension's pages say which) and address. */
const PageRef = z.object({
  url: Url,
  title: z.string().check(z.maxLength(LIMITS.title * 4)),
  tabId: z.optional(TabId),
});

const VISIT_TABLES = ['visitDays', 'visitSummaries', 'pageBuckets', 'activity'] as const;

/** The tab a message is about: the sender's own for a content script, else the one it names. */
function tabOf(env: CommandEnv, input: { tabId?: number }): number | undefined {
  return env.sender.kind === 'page' ? env.sender.tabId : input.tabId;
}

/**
 * What a page counts for: the recognition its own content script reported for this tab (its
 * metadata included), else what its address and title say.
 */
async function recognitionOf(
  env: CommandEnv,
  page: { url: string; title: string; tabId?: number },
): Promise<Recognition | null> {
  const url = normaliseUrl(page.url);
  if (!url) return null;
  const tabId = tabOf(env, page);
  const remembered = tabId === undefined ? undefined : await env.services.pages.recall(tabId, url);
  if (remembered !== undefined) return remembered;
  return env.recognise({ url: page.url, title: page.title, dois: [], isbns: [] });
}

/** The site a change was made from: a page's origin, or the extension itself. */
function originOf(env: Pick<CommandEnv, 'sender'>): string {
  return env.sender.kind === 'page' ? (parsePageUrl(env.sender.url)?.origin ?? '') : 'extension';
}

/** Items as the chip and popup name them, each saying whether it is done. */
async function pageItems(
  db: LevelmateDatabase,
  items: readonly CatalogueItem[],
): Promise<PageItem[]> {
  const states = await db.itemStates.bulkGet(
    items.map((i) => [i.guideId, i.id] as [string, string]),
  );
  return items.map(({ id, level, short }, i) =>
    states[i]?.state === 'done' ? { id, level, short, done: true } : { id, level, short },
  );
}

function requireKnownItems(env: CommandEnv, itemIds: readonly string[]): void {
  const catalogue = catalogueOf(env.guides);
  for (const id of itemIds)
    if (!catalogue.item(id)) throw new RejectedCommandError(`unknown item "${id}"`);
}

export const visitCommands = {
  /** A content script's report of its page: recognised, recorded, answered for the chip. */
  pageSignals: command({
    input: PageSignalsInput,
    from: ['page'],
    subjectUrl: (input) => input.url,
    incognito: 'answered',
    tables: [...VISIT_TABLES, 'settings', 'urlChoices', 'itemStates'],
    prepare: async (signals, env) => env.recognise(signals),
    async run(signals, { db, prepared: recognition, sender, guides, now, note }) {
      const catalogue = catalogueOf(guides);
      const found = catalogue.named(recognition?.items.map((i) => i.id) ?? []);
      const items = await pageItems(db, found);
      const verdict: PageVerdict = {
        ...NOTHING,
        resource: recognition && { id: recognition.resource.id, title: recognition.resource.title },
        items,
        countsFor: countsFor(items),
      };
      if (recognition && sender.kind === 'page') {
        const page = { url: signals.url, title: signals.title, incognito: sender.incognito };
        const outcome = await recordRecognisedVisit(db, page, recognition, now);
        verdict.recorded = outcome.visit !== null;
        verdict.skipped = outcome.skipped;
        verdict.studiedBefore = outcome.studiedBefore;
        verdict.showChip = outcome.showChip && outcome.skipped === null;
        if (verdict.showChip) {
          const ids = found.map((i) => i.id);
          verdict.alternatives = await pageItems(db, catalogue.neighbours(ids, 4));
        }
      }
      const url = normaliseUrl(signals.url);
      if (sender.kind === 'page' && url)
        note.page({ tabId: sender.tabId, url, recognition, verdict });
      return verdict;
    },
  }),

  /** Time the page was in front of the person, as the content script counts it. */
  activeTime: command({
    input: z.object({
      url: Url,
      ms: z.int().check(z.gte(0), z.lte(60 * 60_000)),
    }),
    from: ['page'],
    subjectUrl: (input) => input.url,
    tables: [...VISIT_TABLES, 'settings', 'urlChoices'],
    async run({ url, ms }, { db, sender, now }) {
      const incognito = sender.kind === 'page' && sender.incognito;
      return addActiveTime(db, { url, incognito }, ms, now);
    },
  }),

  /** "Mark studied": records the page, starts its items, and keeps how to undo it all. */
  markStudied: command({
    input: PageRef,
    from: ['extension', 'page'],
    subjectUrl: (input) => input.url,
    tables: [...VISIT_TABLES, 'urlChoices', 'itemStates', 'undos', 'settings'],
    prepare: (page, env) => recognitionOf(env, page),
    async run(page, { db, prepared: recognition, guides, now, sender }): Promise<StudiedOutcome> {
      const host = parsePageUrl(page.url)?.host;
      const blocked =
        host &&
        recordingBlocked(await readSettings(db), { host, incognito: false }, undefined, now);
      if (blocked === 'paused' || blocked === 'excluded')
        throw new RejectedCommandError(
          blocked === 'paused'
            ? 'Levelmate is paused: nothing is recorded until you resume'
            : 'this site is excluded: nothing is recorded on it',
        );
      const items = catalogueOf(guides).named(recognition?.items.map((i) => i.id) ?? []);
      if (!recognition || items.length === 0)
        throw new RejectedCommandError(
          'this page counts for no checklist item; tag it to an item instead',
        );
      const tagged = await tagPage(
        db,
        {
          url: page.url,
          title: page.title,
          resourceId: recognition.resource.id,
          topics: recognition.topics,
        },
        items.map((item) => item.id),
        now,
      );
      if (!tagged) throw new RejectedCommandError('only web pages (http or https) can be marked');
      return studiedUndo(db, { tagged, items, origin: originOf({ sender }), now });
    },
  }),

  /** Takes back a change made from the chip or the popup (Mark studied, Not this, a correction). */
  undo: command({
    input: z.object({ undo: z.string().check(z.minLength(8), z.maxLength(64)) }),
    // A page may undo only what was done on its own site: the undo keeps that site.
    from: ['extension', 'page'],
    tables: [...VISIT_TABLES, 'urlChoices', 'itemStates', 'undos'],
    async run({ undo }, { db, sender, now }) {
      const origin = sender.kind === 'page' ? parsePageUrl(sender.url)?.origin : undefined;
      await undoChange(db, undo, origin, now);
    },
  }),

  /** "Not a learning page": its visits go, and the address is never recorded again. */
  notLearningPage: command({
    input: z.object({ url: Url, tabId: z.optional(TabId) }),
    from: ['extension', 'page'],
    subjectUrl: (input) => input.url,
    tables: [...VISIT_TABLES, 'urlChoices', 'undos'],
    async run(input, ctx) {
      const undo = await notLearningWithUndo(ctx.db, input.url, originOf(ctx), ctx.now);
      if (!undo) throw new RejectedCommandError('only web pages (http or https) can be ruled out');
      const tabId = tabOf(ctx, input);
      const url = normaliseUrl(input.url)!;
      // The page is ruled out: nothing may claim it any more, the toolbar button included.
      if (tabId !== undefined) {
        const verdict = { ...NOTHING, skipped: 'not-learning' as const };
        // What the page is stays known (the popup still names it); only what it counts for ends.
        ctx.note.page({ tabId, url, verdict });
      }
      return { undo };
    },
  }),

  /** The chip's "wrong items": the page counts for exactly these items from now on. */
  correctTags: command({
    input: z.object({
      url: Url,
      itemIds: z.array(StableId).check(z.maxLength(LIMITS.itemsPerVisit)),
    }),
    from: ['extension', 'page'],
    subjectUrl: (input) => input.url,
    tables: [...VISIT_TABLES, 'urlChoices', 'itemStates', 'undos'],
    prepare: async ({ itemIds }, env) => requireKnownItems(env, itemIds),
    async run({ url, itemIds }, ctx) {
      const undo = await correctTags(ctx.db, url, itemIds, originOf(ctx), ctx.now);
      if (!undo) throw new RejectedCommandError('only web pages (http or https) can be tagged');
      const items = await pageItems(ctx.db, catalogueOf(ctx.guides).named(itemIds));
      return { items, countsFor: countsFor(items), undo };
    },
  }),

  /** A page's first visit calls for the chip: the background injects it into the tab. */
  openChip: command({
    input: z.object({ url: Url }),
    from: ['page'],
    subjectUrl: (input) => input.url,
    tables: 'none',
    run: async (_input, { sender, services }) => {
      if (sender.kind === 'page') await services.showChip(sender.tabId);
    },
  }),

  /** Items whose name or text holds the words typed in the chip's search. */
  findItems: command({
    input: z.object({ url: Url, query: z.string().check(z.maxLength(80)) }),
    from: ['extension', 'page'],
    subjectUrl: (input) => input.url,
    tables: ['itemStates'],
    readOnly: true,
    run: ({ query }, { db, guides }) => pageItems(db, catalogueOf(guides).search(query, 6)),
  }),

  /** Tags a page to items by hand (the popup), on any page. */
  tagPage: command({
    input: z.extend(PageRef, {
      itemIds: z.array(StableId).check(z.minLength(1), z.maxLength(LIMITS.itemsPerVisit)),
    }),
    from: ['extension'],
    tables: [...VISIT_TABLES, 'urlChoices'],
    prepare: async (input, env) => {
      requireKnownItems(env, input.itemIds);
      return recognitionOf(env, input);
    },
    async run(input, { db, prepared: recognition, now }) {
      const page = {
        url: input.url,
        title: input.title,
        resourceId: recognition?.resource.id ?? null,
        topics: recognition?.topics ?? [],
      };
      const tagged = await tagPage(db, page, input.itemIds, now);
      if (!tagged) throw new RejectedCommandError('only web pages (http or https) can be tagged');
    },
  }),

  /** "Not this item": off this visit, and never again for this address. */
  untagItem: command({
    input: z.object({ visitId: z.int().check(z.positive()), itemId: StableId }),
    from: ['extension'],
    tables: [...VISIT_TABLES, 'urlChoices'],
    run: ({ visitId, itemId }, { db, now }) => untagItem(db, visitId, itemId, now),
  }),

  /** Undoes "not this item". */
  retagItem: command({
    input: z.object({
      visitId: z.int().check(z.positive()),
      itemId: StableId,
      why: z.optional(z.string().check(z.maxLength(LIMITS.why))),
    }),
    from: ['extension'],
    tables: [...VISIT_TABLES, 'urlChoices'],
    prepare: async ({ itemId }, env) => requireKnownItems(env, [itemId]),
    run: ({ visitId, itemId, why }, { db, now }) => retagItem(db, visitId, itemId, why, now),
  }),

  /** Undoes a removal: the visit comes back as it was. */
  restoreVisit: command({
    input: z.object({ visit: z.required(VisitRecord, { id: true }) }),
    from: ['extension'],
    tables: VISIT_TABLES,
    prepare: async ({ visit }, env) => {
      if (parsePageUrl(visit.url)?.host !== visit.host)
        throw new RejectedCommandError("the visit's site is not its address's");
      requireKnownItems(env, visit.itemIds);
    },
    run: ({ visit }, { db }) => restoreVisit(db, visit),
  }),

  removeVisit: command({
    input: z.object({ visitId: z.int().check(z.positive()) }),
    from: ['extension'],
    tables: VISIT_TABLES,
    run: ({ visitId }, { db }) => removeVisit(db, visitId),
  }),

  /** Deletes every visit to a site and its subdomains (Settings). */
  deleteSiteVisits: command({
    input: z.object({
      site: z.string().check(z.minLength(1), z.maxLength(LIMITS.host + 20)),
    }),
    from: ['extension'],
    tables: VISIT_TABLES,
    prepare: async ({ site }) => {
      const host = siteFromInput(site);
      if (!host) throw new RejectedCommandError(`"${site}" is not a site name like "example.com"`);
      return host;
    },
    run: (_input, { db, prepared: host }) => deleteSiteVisits(db, host),
  }),

  /** What the popup shows for the page of a tab: read only. */
  recognisePage: command({
    input: PageRef,
    from: ['extension'],
    tables: ['pageBuckets', 'settings', 'urlChoices', 'itemStates'],
    readOnly: true,
    prepare: async (page, env) => ({
      recognition: await recognitionOf(env, page),
      siteAccess: await env.services.siteAccess(page.url),
    }),
    async run(page, { db, prepared, guides, now }): Promise<PageInfo> {
      const { recognition, siteAccess } = prepared;
      const url = normaliseUrl(page.url);
      const parsed = parsePageUrl(page.url);
      const [settings, choice] = url
        ? await Promise.all([readSettings(db), db.urlChoices.get(url)])
        : [null, undefined];
      const skipped =
        settings && parsed
          ? recordingBlocked(settings, { host: parsed.host, incognito: false }, choice, now)
          : null;
      return {
        url,
        resource: recognition && {
          id: recognition.resource.id,
          title: recognition.resource.title,
          kind: recognition.resource.kind,
        },
        items: await pageItems(
          db,
          catalogueOf(guides).named(recognition?.items.map((i) => i.id) ?? []),
        ),
        reason: recognition?.reason ?? null,
        studied: await hasVisits(db, page.url),
        skipped,
        siteAccess,
      };
    },
  }),
};
