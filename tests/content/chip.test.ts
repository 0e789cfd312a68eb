import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shortTitle, showChip, type ChipPage } from '@/lib/content/chip';

/** The chip's shadow root is closed to the page; the test keeps the one the chip attaches. */
let root: ShadowRoot | null = null;
beforeEach(() => {
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    root = attach.call(this, init);
    return root;
  });
});
afterEach(() => {
  document.documentElement.querySelectorAll(':scope > [style]').forEach((e) => e.remove());
  root = null;
});

const button = (text: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === text);
const ISOLATION = { id: 'acid-isolation-levels', level: 4, short: 'ACID and isolation levels' };
const LOCKING = { id: 'optimistic-pessimistic-locking', level: 4, short: 'Locking' };
const QUEUES = { id: 'message-queues', level: 5, short: 'Message queues' };

const page = (over: Partial<ChipPage> = {}): ChipPage => ({
  title: 'Designing Data-Intensive Applications',
  countsFor: 'Counts for: ACID and isolation levels (L4)',
  items: [ISOLATION],
  alternatives: [LOCKING],
  ...over,
});

function actions() {
  return {
    onStudied: vi.fn(async () => ({ started: [ISOLATION], undo: 'token-123456' })),
    onUndo: vi.fn(async () => undefined),
    onNotLearning: vi.fn(async () => ({ undo: 'token-654321' })),
    onCorrect: vi.fn(async (ids: string[]) => ({
      countsFor: `Counts for: ${ids.join(', ')}`,
      undo: 'token-777777',
    })),
    onFind: vi.fn(async () => [QUEUES]),
  };
}

describe('the in-page chip', () => {
  it('names the resource and what the page counts for, page text as text', () => {
    showChip(page({ title: '<img src=x onerror=alert(1)> Eventually Consistent' }), actions());
    expect(root!.querySelector('.t')!.textContent).toBe(
      'Levelmate · <img src=x onerror=alert(1)> Eventually Consistent',
    );
    expect(root!.querySelector('img')).toBeNull();
    expect(root!.textContent).toContain('Counts for: ACID and isolation levels (L4)');
  });

  it('cannot be pre-empted, found or hidden by the page', () => {
    // A page that makes the element it expects the chip to use, and styles every element away.
    document.documentElement.append(document.createElement('levelmate-chip'));
    const style = document.createElement('style');
    style.textContent = '* { display: none !important; }';
    document.head.append(style);
    showChip(page(), actions());
    expect(button('Mark studied')).toBeDefined();
    const host = root!.host as HTMLElement;
    expect(host.tagName.toLowerCase()).toMatch(/^lm-[0-9a-f]{8}$/);
    expect(host.style.getPropertyPriority('display')).toBe('important');
    // Another chip gets another name: the page cannot learn one and wait for it.
    showChip(page(), actions());
    expect((root!.host as HTMLElement).tagName).not.toBe(host.tagName);
    expect(host.isConnected).toBe(false);
    document.querySelector('levelmate-chip')!.remove();
    style.remove();
  });

  it('cuts a long title at a word, never inside one', () => {
    expect(
      shortTitle(
        'Designing Data-Intensive Applications: The Big Ideas Behind Reliable Systems',
        40,
      ),
    ).toBe('Designing Data-Intensive Applications:…');
    expect(shortTitle('Short title', 40)).toBe('Short title');
  });

  it('offers no "Mark studied" on a page that counts for no item, but lets the person choose', () => {
    showChip(page({ items: [], countsFor: 'Counts for no checklist item' }), actions());
    expect(button('Mark studied')).toBeUndefined();
    button('Not this')!.click();
    expect(button('Choose its items')).toBeDefined();
  });

  it('"Mark studied" says which items it moved to learning, and Undo takes it back', async () => {
    const handlers = actions();
    showChip(page(), handlers);
    button('Mark studied')!.click();
    await vi.waitFor(() =>
      expect(root!.textContent).toContain('Now learning: ACID and isolation levels'),
    );
    button('Undo')!.click();
    expect(handlers.onUndo).toHaveBeenCalledWith('token-123456');
    await vi.waitFor(() => expect(root!.textContent).toContain('Undone.'));
  });

  it('"Not a learning page" confirms what happened and can be undone', async () => {
    const handlers = actions();
    showChip(page(), handlers);
    button('Not this')!.click();
    button('Not a learning page')!.click();
    await vi.waitFor(() =>
      expect(root!.textContent).toContain('Got it: this page no longer counts.'),
    );
    button('Undo')!.click();
    expect(handlers.onUndo).toHaveBeenCalledWith('token-654321');
  });

  it('"Wrong items" lets the person pick the right ones, found by search too', async () => {
    const handlers = actions();
    showChip(page(), handlers);
    button('Not this')!.click();
    button('Wrong items')!.click();
    const boxes = () => [...root!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes().map((b) => [b.parentElement!.textContent, b.checked])).toEqual([
      [' ACID and isolation levels (L4)', true],
      [' Locking (L4)', false],
    ]);
    boxes()[0]!.click();
    boxes()[1]!.click();
    const search = root!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'queue';
    search.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));
    boxes()[2]!.click();
    button('Save')!.click();
    expect(handlers.onCorrect).toHaveBeenCalledWith([
      'optimistic-pessimistic-locking',
      'message-queues',
    ]);
    await vi.waitFor(() => expect(root!.textContent).toContain('Saved.'));
  });

  it('says when an action failed instead of vanishing', async () => {
    const handlers = actions();
    handlers.onStudied.mockRejectedValue(new Error('this page counts for no checklist item'));
    showChip(page(), handlers);
    button('Mark studied')!.click();
    await vi.waitFor(() =>
      expect(root!.textContent).toContain(
        'Levelmate could not do that: this page counts for no checklist item',
      ),
    );
  });

  it('can be dismissed', () => {
    showChip(page(), actions());
    const host = root!.host;
    root!.querySelector<HTMLButtonElement>('button[aria-label="Dismiss Levelmate note"]')!.click();
    expect(host.isConnected).toBe(false);
  });
});
