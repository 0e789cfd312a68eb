import { describe, expect, it, vi } from 'vitest';
import { GUIDES } from '@/lib/builtin/guide';
import type { Recognition } from '@/lib/recognition/recognise';
import { dispatch, RejectedMessageError, type HandlerContext } from '@/lib/commands/handlers';
import { freshDb, snapshot } from '../helpers/db';
import { visitCount } from '../helpers/visits';

const T = Date.UTC(2026, 10, 22, 9);
const eventuallyConsistent: Recognition = {
  resource: {
    id: 'eventually-consistent',
    title: 'Eventually Consistent',
    kind: 'paper',
    reference: 'eventually-consistent',
  },
  matchedBy: 'site',
  items: [{ id: 'quorum-n-w-r-tuning', level: 6 }],
  reason: { by: 'resource' },
  topics: ['consistency'],
};
const PAGE = 'https://queue.acm.org/detail.cfm?id=1466448';

function context(): HandlerContext & { verdicts: unknown[] } {
  const verdicts: unknown[] = [];
  return {
    db: freshDb(),
    guides: GUIDES,
    now: () => T,
    recognise: vi.fn((s) =>
      s.url.startsWith('https://queue.acm.org/detail.cfm?id=1466448') ? eventuallyConsistent : null,
    ),
    onPageVerdict: (_tab, verdict) => verdicts.push(verdict),
    verdicts,
  };
}
const fromPage = (url: string, incognito = false) => ({ tab: { id: 7, url, incognito } });
const signals = (url: string, title = 'Eventually Consistent - ACM Queue') => ({
  url,
  title,
  dois: [],
  isbns: [],
});

describe('messages from content scripts', () => {
  it('records a recognised page and answers with the verdict for the chip and badge', async () => {
    const ctx = context();
    const verdict = await dispatch('pageSignals', signals(PAGE), fromPage(PAGE), ctx);
    expect(verdict).toEqual({
      resource: { id: 'eventually-consistent', title: 'Eventually Consistent' },
      items: [{ id: 'quorum-n-w-r-tuning', level: 6, short: 'Quorums: N, W and R' }],
      countsFor: 'Counts for: Quorums: N, W and R (L6)',
      recorded: true,
      skipped: null,
      studiedBefore: false,
      showChip: true,
    });
    expect(ctx.verdicts).toEqual([verdict]);
    expect(await visitCount(ctx.db)).toBe(1);
  });

  it('records nothing for an unrecognised page', async () => {
    const ctx = context();
    const verdict = await dispatch(
      'pageSignals',
      signals('https://example.org/'),
      fromPage('https://example.org/'),
      ctx,
    );
    expect(verdict.resource).toBeNull();
    expect(await visitCount(ctx.db)).toBe(0);
  });

  it('never records a private window, even on a recognised page', async () => {
    const ctx = context();
    const verdict = await dispatch('pageSignals', signals(PAGE), fromPage(PAGE, true), ctx);
    expect(verdict).toMatchObject({ recorded: false, skipped: 'incognito', showChip: false });
    await expect(
      dispatch('markStudied', { url: PAGE, title: 'x' }, fromPage(PAGE, true), ctx),
    ).rejects.toThrow(/private windows/);
    expect(await snapshot(ctx.db)).toMatchObject({
      visitDays: [],
      urlChoices: [],
      itemStates: [],
    });
  });

  const forged: [string, string, unknown, ReturnType<typeof fromPage>][] = [
    [
      'a page reporting another page',
      'pageSignals',
      signals(PAGE),
      fromPage('https://evil.example/'),
    ],
    [
      'a page changing item states',
      'setItemState',
      { guideId: 'backend-engineering', itemId: 'quorum-n-w-r-tuning', state: 'done' },
      fromPage(PAGE),
    ],
    ['a page asking for a backup', 'exportBackup', {}, fromPage(PAGE)],
    ['a page importing a backup', 'importBackup', { text: '{}', mode: 'replace' }, fromPage(PAGE)],
    ['a title of 100 KB', 'pageSignals', signals(PAGE, '<script>'.repeat(12_800)), fromPage(PAGE)],
    [
      'extra identifiers',
      'pageSignals',
      { ...signals(PAGE), dois: Array(500).fill('10.1/x') },
      fromPage(PAGE),
    ],
    ['a missing field', 'pageSignals', { url: PAGE }, fromPage(PAGE)],
    ['a wrong type', 'activeTime', { url: PAGE, ms: '999999999' }, fromPage(PAGE)],
    ['a negative active time', 'activeTime', { url: PAGE, ms: -5 }, fromPage(PAGE)],
    ['not an object', 'pageSignals', 'hello', fromPage(PAGE)],
    [
      'a javascript: URL',
      'pageSignals',
      signals('javascript:alert(1)'),
      fromPage('javascript:alert(1)'),
    ],
  ];

  it.each(forged)('refuses %s and stores nothing', async (_name, type, data, sender) => {
    const ctx = context();
    const before = await snapshot(ctx.db);
    await expect(dispatch(type as 'pageSignals', data, sender, ctx)).rejects.toThrow(
      RejectedMessageError,
    );
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it('refuses an unknown message', async () => {
    await expect(dispatch('dropTables' as 'pageSignals', {}, {}, context())).rejects.toThrow(
      /unknown message/,
    );
  });
});

describe("messages from the extension's pages", () => {
  it('refuses a check-off of an item the guide does not have', async () => {
    const ctx = context();
    await expect(
      dispatch(
        'setItemState',
        { guideId: 'backend-engineering', itemId: 'no-such-item', state: 'done' },
        {},
        ctx,
      ),
    ).rejects.toThrow(/unknown item/);
    expect(await ctx.db.itemStates.count()).toBe(0);
  });

  it('"mark studied" records the page, moves its items to learning, says which, and undoes', async () => {
    const ctx = context();
    await ctx.db.itemStates.put({
      guideId: 'backend-engineering',
      itemId: 'replication-topologies',
      state: 'done',
      note: '',
      updatedAt: T,
    });
    ctx.recognise = () => ({
      ...eventuallyConsistent,
      items: [
        { id: 'replication-topologies', level: 6 },
        { id: 'quorum-n-w-r-tuning', level: 6 },
      ],
    });
    const outcome = await dispatch('markStudied', { url: PAGE, title: 'EC' }, {}, ctx);
    expect(outcome.started).toEqual([
      { id: 'quorum-n-w-r-tuning', level: 6, short: 'Quorums: N, W and R' },
    ]);
    expect(await visitCount(ctx.db)).toBe(1);
    const state = async (itemId: string) =>
      (await ctx.db.itemStates.get(['backend-engineering', itemId]))?.state;
    expect(await state('quorum-n-w-r-tuning')).toBe('learning');
    expect(await state('replication-topologies')).toBe('done');

    await dispatch('undoStudied', { undo: outcome.undo }, {}, ctx);
    expect(await state('quorum-n-w-r-tuning')).toBe('not-started');
    expect(await state('replication-topologies')).toBe('done');
    expect(await visitCount(ctx.db)).toBe(0);
    await expect(dispatch('undoStudied', { undo: outcome.undo }, {}, ctx)).rejects.toThrow(
      /nothing to undo/,
    );
  });

  it('"mark studied" uses the recognition the page itself reported, metadata included', async () => {
    const ctx = context();
    const library = 'https://library.example.edu/record/ddia';
    // Only the full signals (an ISBN in the page's metadata) say what this page is.
    ctx.recognise = vi.fn((s: { isbns: string[] }) =>
      s.isbns.length > 0 ? eventuallyConsistent : null,
    );
    await dispatch(
      'pageSignals',
      { url: library, title: 'A record', dois: [], isbns: ['9781449373320'] },
      fromPage(library),
      ctx,
    );
    const info = await dispatch(
      'recognisePage',
      { url: library, title: 'A record', tabId: 7 },
      {},
      ctx,
    );
    expect(info.resource?.id).toBe('eventually-consistent');
    const outcome = await dispatch(
      'markStudied',
      { url: library, title: 'A record' },
      fromPage(library),
      ctx,
    );
    expect(outcome.started.map((i) => i.id)).toEqual(['quorum-n-w-r-tuning']);
    // Recognised once: the address alone was never asked again.
    expect(ctx.recognise).toHaveBeenCalledTimes(1);
  });

  it('"mark studied" refuses a page that counts for no item', async () => {
    const ctx = context();
    ctx.recognise = () => ({ ...eventuallyConsistent, items: [], reason: { by: 'none' } });
    await expect(dispatch('markStudied', { url: PAGE, title: 'EC' }, {}, ctx)).rejects.toThrow(
      /counts for no checklist item/,
    );
    expect(await visitCount(ctx.db)).toBe(0);
  });

  it('reports a settings change that saved but whose follow-up failed as saved, with a warning', async () => {
    const ctx = context();
    ctx.afterSettingsChange = async () => {
      throw new Error('permission missing');
    };
    const outcome = await dispatch('updateSettings', { showChip: false }, {}, ctx);
    expect(outcome.warning).toMatch(/saved, but .*permission missing/);
    expect((await ctx.db.settings.get('settings'))?.showChip).toBe(false);
  });

  it('"not a learning page" clears what the toolbar button claims for the tab', async () => {
    const ctx = context();
    await dispatch('pageSignals', signals(PAGE), fromPage(PAGE), ctx);
    await dispatch('notLearningPage', { url: PAGE, tabId: 7 }, {}, ctx);
    expect(ctx.verdicts.at(-1)).toMatchObject({ resource: null, skipped: 'not-learning' });
  });

  it('adds an excluded site from what a person types, and refuses nonsense', async () => {
    const ctx = context();
    await dispatch('addExcludedSite', { site: 'https://www.Reddit.com/r/x' }, {}, ctx);
    expect((await ctx.db.settings.get('settings'))?.excludedSites).toEqual(['reddit.com']);
    await expect(dispatch('addExcludedSite', { site: 'not a site' }, {}, ctx)).rejects.toThrow(
      /not a site name/,
    );
  });

  it('answers what the popup shows for a page', async () => {
    const ctx = context();
    await dispatch('pageSignals', signals(PAGE), fromPage(PAGE), ctx);
    expect(await dispatch('recognisePage', { url: PAGE, title: '' }, {}, ctx)).toEqual({
      url: PAGE,
      resource: { id: 'eventually-consistent', title: 'Eventually Consistent', kind: 'paper' },
      items: [{ id: 'quorum-n-w-r-tuning', level: 6, short: 'Quorums: N, W and R' }],
      reason: { by: 'resource' },
      studied: true,
      skipped: null,
      siteAccess: null,
    });
  });

  it("tells the popup a known page is not recorded when the person's choices say so", async () => {
    const ctx = context();
    await dispatch('updateSettings', { pausedUntil: T + 60_000 }, {}, ctx);
    expect((await dispatch('recognisePage', { url: PAGE, title: '' }, {}, ctx)).skipped).toBe(
      'paused',
    );
    await dispatch('updateSettings', { pausedUntil: null }, {}, ctx);
    await dispatch('addExcludedSite', { site: 'acm.org' }, {}, ctx);
    expect((await dispatch('recognisePage', { url: PAGE, title: '' }, {}, ctx)).skipped).toBe(
      'excluded',
    );
  });
});
