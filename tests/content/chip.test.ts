import { describe, expect, it, vi } from 'vitest';
import { showChip } from '@/lib/content/chip';

/** The chip's shadow root is closed to the page; the chip keeps a handle for itself. */
const chipRoot = () =>
  (document.querySelector('levelmate-chip') as (Element & { levelmateRoot?: ShadowRoot }) | null)
    ?.levelmateRoot;

describe('the in-page chip', () => {
  const actions = () => ({
    onStudied: vi.fn(async () => undefined),
    onNotThis: vi.fn(async () => undefined),
  });

  it('names the resource and its levels, page text as text', () => {
    showChip('<img src=x onerror=alert(1)> Eventually Consistent', [4, 6], actions());
    const root = chipRoot()!;
    expect(root.querySelector('.t')!.textContent).toBe(
      'Levelmate · <img src=x onerror=alert(1)> Eventually Consistent',
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.l')!.textContent).toBe('Counts for levels 4, 6');
    document.querySelector('levelmate-chip')!.remove();
  });

  it('never appears twice', () => {
    showChip('One', [1], actions());
    showChip('Two', [2], actions());
    expect(document.querySelectorAll('levelmate-chip')).toHaveLength(1);
    expect(chipRoot()!.querySelector('.t')!.textContent).toBe('Levelmate · Two');
    document.querySelector('levelmate-chip')!.remove();
  });

  it('runs "Mark studied" and "Not this", and can be dismissed', async () => {
    const handlers = actions();
    showChip('DDIA', [2], handlers);
    const buttons = [...chipRoot()!.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Mark studied')!.click();
    expect(handlers.onStudied).toHaveBeenCalledOnce();
    showChip('DDIA', [2], handlers);
    [...chipRoot()!.querySelectorAll('button')].find((b) => b.textContent === 'Not this')!.click();
    expect(handlers.onNotThis).toHaveBeenCalledOnce();
    showChip('DDIA', [2], handlers);
    chipRoot()!
      .querySelector<HTMLButtonElement>('button[aria-label="Dismiss Levelmate note"]')!
      .click();
    expect(document.querySelector('levelmate-chip')).toBeNull();
  });
});
