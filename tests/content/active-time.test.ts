import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackActiveTime } from '@/lib/content/active-time';

let focused = true;
let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(() => {
  vi.useRealTimers();
});

const fire = (type: string) => window.dispatchEvent(new Event(type));

describe('trackActiveTime', () => {
  it('reports the time the page was visible and focused when it is hidden', () => {
    const report = vi.fn();
    trackActiveTime(report);
    vi.advanceTimersByTime(5_000);
    visibility = 'hidden';
    fire('visibilitychange');
    expect(report).toHaveBeenCalledWith(5_000);
  });

  it('does not count time while the window is not focused', () => {
    const report = vi.fn();
    focused = true;
    visibility = 'visible';
    trackActiveTime(report);
    vi.advanceTimersByTime(2_000);
    focused = false;
    fire('blur');
    vi.advanceTimersByTime(60_000);
    focused = true;
    fire('focus');
    vi.advanceTimersByTime(3_000);
    fire('pagehide');
    expect(report.mock.calls.flat().reduce((a: number, b: number) => a + b, 0)).toBe(5_000);
  });

  it('reports during long reading, and nothing under a second', () => {
    const report = vi.fn();
    focused = true;
    visibility = 'visible';
    const stop = trackActiveTime(report, 120_000);
    vi.advanceTimersByTime(120_000);
    expect(report).toHaveBeenCalledWith(120_000);
    report.mockClear();
    vi.advanceTimersByTime(500);
    stop();
    expect(report).not.toHaveBeenCalled();
  });
});
