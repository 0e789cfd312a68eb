import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADDRESS_POLL_MS, followPage, RETRY_MS } from '@/lib/content/follow-page';
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

describe('a page whose background is waking up', () => {
  it('asks again until its first report is answered, and reports reading as it goes', async () => {
    const sent: string[] = [];
    let failures = 2;
    const send = vi.fn(async (type: string) => {
      sent.push(type);
      if (type === 'pageSignals' && failures-- > 0)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      return type === 'pageSignals' ? verdict(true) : undefined;
    });
    followPage(send as never);
    for (const wait of RETRY_MS) {
      await vi.advanceTimersByTimeAsync(wait);
    }
    expect(sent.filter((t) => t === 'pageSignals')).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(46_000);
    // Three heartbeats of reading time in 46 seconds, none waiting for the page to close.
    expect(sent.filter((t) => t === 'activeTime')).toHaveLength(3);
  });

  it('does not ask again when the background answered with a refusal', async () => {
    const send = vi.fn(async () => {
      throw new Error('a page may only report on its own site');
    });
    followPage(send as never);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
