import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADDRESS_POLL_MS, followPage } from '@/lib/content/follow-page';
import { SIGNAL_LIMITS } from '@/lib/recognition/signals';
import type { PageVerdict } from '@/lib/visits/page-verdict';

const verdict = (recorded: boolean): PageVerdict => ({
  resource: { id: 'ddia', title: 'DDIA' },
  items: [],
  countsFor: 'Counts for no checklist item',
  recorded,
  skipped: recorded ? null : 'paused',
  studiedBefore: false,
  showChip: false,
  alternatives: [],
});

function channel(recorded: (url: string) => boolean) {
  const sent: { type: string; data: { url: string; ms?: number; title?: string } }[] = [];
  const send = vi.fn(async (type: string, data: never) => {
    sent.push({ type, data });
    return type === 'pageSignals' ? verdict(recorded((data as { url: string }).url)) : undefined;
  });
  return { send: send as never, sent };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
  history.replaceState(null, '', '/chapter-1');
});

afterEach(() => {
  // The page's polling ends with the page; here, with the test.
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('followPage (the content script)', () => {
  it('counts no time on a page the background did not record', async () => {
    const { send, sent } = channel(() => false);
    followPage(send);
    await settle();
    vi.advanceTimersByTime(10 * 60_000);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent.map((m) => m.type)).toEqual(['pageSignals']);
  });

  it('credits the time read to the page it was read on, before the address changes', async () => {
    const { send, sent } = channel(() => true);
    followPage(send);
    await settle();
    const first = location.href;
    vi.advanceTimersByTime(7_000);
    history.pushState(null, '', '/chapter-2');
    vi.advanceTimersByTime(ADDRESS_POLL_MS);
    await settle();
    const time = sent.filter((m) => m.type === 'activeTime');
    expect(time[0]?.data.url).toBe(first);
    expect(time[0]?.data.ms).toBeGreaterThanOrEqual(7_000);
    expect(time[0]?.data.ms).toBeLessThanOrEqual(7_000 + ADDRESS_POLL_MS);
    expect(sent.filter((m) => m.type === 'pageSignals').map((m) => m.data.url)).toEqual([
      first,
      location.href,
    ]);
  });

  it('sends a hostile title capped, as the signals are', async () => {
    document.title = `${'very long title '.repeat(200)}`;
    const { send, sent } = channel(() => false);
    followPage(send);
    await settle();
    expect(sent[0]!.data.title!.length).toBeLessThanOrEqual(SIGNAL_LIMITS.title);
  });
});
