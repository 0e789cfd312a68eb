import { describe, expect, it } from 'vitest';
import { onViewRequested, requestView, takeRequestedView } from '@/lib/ui/view-request-store';

describe('asking the side panel for a view', () => {
  it('is taken once by the panel that opens', async () => {
    await requestView('review', 1_000);
    expect(await takeRequestedView(2_000)).toBe('review');
    expect(await takeRequestedView(2_000)).toBeNull();
  });

  it('is forgotten when no panel opened in time, so it cannot surprise a later opening', async () => {
    await requestView('review', 1_000);
    expect(await takeRequestedView(1_000 + 31_000)).toBeNull();
  });

  it('reaches a panel that is already open', async () => {
    const heard: string[] = [];
    const stop = onViewRequested((view) => heard.push(view));
    await requestView('review');
    stop();
    await requestView('studied');
    expect(heard).toEqual(['review']);
  });
});
