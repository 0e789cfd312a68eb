import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncRunner } from '@/lib/sync/runner';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('when sync runs', () => {
  it('sends changes close together in one run, after the last one', async () => {
    const run = vi.fn(async () => {});
    const runner = syncRunner(run, { waitMs: 2_000, minGapMs: 5_000 });
    runner.soon();
    await vi.advanceTimersByTimeAsync(1_500);
    runner.soon();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps runs at least the minimum gap apart, whatever the changes', async () => {
    const starts: number[] = [];
    const runner = syncRunner(async () => void starts.push(Date.now()), {
      waitMs: 100,
      minGapMs: 5_000,
    });
    for (let i = 0; i < 60; i++) {
      runner.soon();
      await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(5_000);
    // 30 seconds of constant changes: about six runs, not sixty.
    expect(starts.length).toBeLessThanOrEqual(8);
  });

  it('runs one at a time, and a failing run does not stop the next', async () => {
    let active = 0;
    let most = 0;
    let calls = 0;
    const runner = syncRunner(async () => {
      calls++;
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 1_000));
      active--;
      if (calls === 1) throw new Error('quota');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const both = Promise.all([runner.now(), runner.now()]);
    await vi.advanceTimersByTimeAsync(3_000);
    await both;
    expect([calls, most]).toEqual([2, 1]);
    expect(warn).toHaveBeenCalledOnce();
  });
});
