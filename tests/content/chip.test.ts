import { describe, expect, it, vi } from 'vitest';
import { showChip } from '@/lib/content/chip';
import { countsFor } from '@/lib/visits/counts-for';

/** The chip's shadow root is closed to the page; the chip keeps a handle for itself. */
const chipRoot = () =>
  (document.querySelector('levelmate-chip') as (Element & { levelmateRoot?: ShadowRoot }) | null)
    ?.levelmateRoot;
const button = (text: string) =>
  [...chipRoot()!.querySelectorAll('button')].find((b) => b.textContent === text);
const ISOLATION = { id: 'acid-isolation-levels', level: 4, short: 'ACID and isolation levels' };
const LOCKING = { id: 'optimistic-pessimistic-locking', level: 4, short: 'Locking' };

describe('the in-page chip', () => {
  const actions = () => ({
    onStudied: vi.fn(async () => ({ started: [ISOLATION], undo: 'token-123456' })),
    onUndo: vi.fn(async () => undefined),
    onNotThis: vi.fn(async () => undefined),
  });

  it('names the resource and the items the page counts for, page text as text', () => {
    showChip(
      '<img src=x onerror=alert(1)> Eventually Consistent',
      countsFor([ISOLATION]),
      true,
      actions(),
    );
    const root = chipRoot()!;
    expect(root.querySelector('.t')!.textContent).toBe(
      'Levelmate · <img src=x onerror=alert(1)> Eventually Consistent',
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.l')!.textContent).toBe(
      'Counts for: ACID and isolation levels (L4)',
    );
    document.querySelector('levelmate-chip')!.remove();
  });

  it('says how many more items there are, or that the page counts for none', () => {
    const five = [1, 2, 3, 4, 5].map((n) => ({ id: `i${n}`, level: n, short: `Item ${n}` }));
    expect(countsFor(five)).toBe('Counts for: Item 1 (L1), Item 2 (L2), Item 3 (L3) and 2 more');
    expect(countsFor([])).toBe('Counts for no checklist item');
  });

  it('never appears twice', () => {
    showChip('One', countsFor([ISOLATION]), true, actions());
    showChip('Two', countsFor([LOCKING]), true, actions());
    expect(document.querySelectorAll('levelmate-chip')).toHaveLength(1);
    expect(chipRoot()!.querySelector('.t')!.textContent).toBe('Levelmate · Two');
    document.querySelector('levelmate-chip')!.remove();
  });

  it('offers no "Mark studied" on a page that counts for no item', () => {
    showChip('DDIA', countsFor([]), false, actions());
    expect(button('Mark studied')).toBeUndefined();
    expect(button('Not this')).toBeDefined();
    document.querySelector('levelmate-chip')!.remove();
  });

  it('"Mark studied" says which items it moved to learning, and Undo takes it back', async () => {
    const handlers = actions();
    showChip('DDIA', countsFor([ISOLATION, LOCKING]), true, handlers);
    button('Mark studied')!.click();
    await vi.waitFor(() =>
      expect(chipRoot()!.textContent).toContain('Now learning: ACID and isolation levels'),
    );
    button('Undo')!.click();
    expect(handlers.onUndo).toHaveBeenCalledWith('token-123456');
    await vi.waitFor(() => expect(chipRoot()!.textContent).toContain('Undone.'));
    document.querySelector('levelmate-chip')!.remove();
  });

  it('runs "Not this", and can be dismissed', async () => {
    const handlers = actions();
    showChip('DDIA', countsFor([ISOLATION]), true, handlers);
    button('Not this')!.click();
    expect(handlers.onNotThis).toHaveBeenCalledOnce();
    showChip('DDIA', countsFor([ISOLATION]), true, handlers);
    chipRoot()!
      .querySelector<HTMLButtonElement>('button[aria-label="Dismiss Levelmate note"]')!
      .click();
    expect(document.querySelector('levelmate-chip')).toBeNull();
  });
});
