import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followPage } from '@/lib/content/follow-page';
import { sendToBackground } from '@/lib/content/page-channel';
import type { Recognition } from '@/lib/recognition/recognise';
import { pageTab, startHarness, type Harness } from '../helpers/background';
import { freshDb } from '../helpers/db';
import { allVisits } from '../helpers/visits';

/*
 * The content script against the real background: its messages go through the real router
 * with the sender a tab gives them, and its chip's buttons change the real database.
 */

const GUIDE = 'backend-engineering';
const ITEM = 'quorum-n-w-r-tuning';

function recognition(): Recognition {
  return {
    resource: {
      id: 'eventually-consistent',
      title: 'Eventually Consistent',
      kind: 'paper',
      reference: null,
    },
    matchedBy: 'site',
    items: [{ id: ITEM, level: 6 }],
    reason: { by: 'resource' },
    topics: [],
  };
}

/** The chip's shadow root is closed to the page; the test keeps the one the chip attaches. */
let chipRoot: ShadowRoot | null = null;
const button = (text: string) =>
  [...(chipRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === text);

let h: Harness;
beforeEach(async () => {
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    chipRoot = attach.call(this, init);
    return chipRoot;
  });
  h = await startHarness({
    db: freshDb(),
    recognise: async (s) => (s.url.startsWith(location.origin) ? recognition() : null),
  });
  h.sendAs(pageTab(location.href));
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
});
afterEach(() => {
  for (const host of [...document.documentElement.children].filter(
    (e) => e.shadowRoot === null && e.tagName.includes('-'),
  ))
    host.remove();
  chipRoot = null;
});

const state = async () => (await h.db.itemStates.get([GUIDE, ITEM]))?.state;

describe('the content script and the background, for real', () => {
  it('records the page it is on, and the chip says what it counts for', async () => {
    followPage(sendToBackground);
    await vi.waitFor(() => expect(button('Mark studied')).toBeDefined());
    expect(chipRoot!.textContent).toContain('Quorums: N, W and R (L6)');
    expect(await allVisits(h.db)).toHaveLength(1);
  });

  it("the chip's Mark studied starts the item, and its Undo takes that back", async () => {
    followPage(sendToBackground);
    await vi.waitFor(() => expect(button('Mark studied')).toBeDefined());
    button('Mark studied')!.click();
    await vi.waitFor(async () => expect(await state()).toBe('learning'));
    await vi.waitFor(() => expect(button('Undo')).toBeDefined());
    button('Undo')!.click();
    await vi.waitFor(async () => expect(await state()).toBe('not-started'));
    expect(chipRoot!.textContent).toContain('Undone');
  });

  it('"Not a learning page" forgets the visit and the address, and its Undo brings them back', async () => {
    followPage(sendToBackground);
    await vi.waitFor(() => expect(button('Not this')).toBeDefined());
    const [visit] = await allVisits(h.db);
    button('Not this')!.click();
    button('Not a learning page')!.click();
    await vi.waitFor(async () => expect(await allVisits(h.db)).toHaveLength(0));
    expect((await h.db.urlChoices.toArray())[0]?.notLearning).toBe(true);
    await vi.waitFor(() => expect(button('Undo')).toBeDefined());
    button('Undo')!.click();
    await vi.waitFor(async () => expect(await allVisits(h.db)).toEqual([visit]));
    expect(await h.db.urlChoices.count()).toBe(0);
  });

  it('"Wrong items" retags the page, and recognition does not put the old item back', async () => {
    followPage(sendToBackground);
    await vi.waitFor(() => expect(button('Not this')).toBeDefined());
    button('Not this')!.click();
    button('Wrong items')!.click();
    const boxes = () => [...chipRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    boxes()[0]!.click();
    const replication = boxes().findIndex((b) =>
      b.parentElement!.textContent!.includes('Replication'),
    );
    boxes()[replication]!.click();
    button('Save')!.click();
    await vi.waitFor(async () =>
      expect((await allVisits(h.db))[0]!.itemIds).toEqual(['replication-topologies']),
    );
    // The next visit of the page is tagged as the person said.
    await sendToBackground('pageSignals', { url: location.href, title: 'x', dois: [], isbns: [] });
    expect((await allVisits(h.db)).at(-1)!.itemIds).not.toContain(ITEM);
  });
});
