import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/database';
import { seedVisits } from '../../helpers/visits';
import { level, openPanelSection, pinClock, resetEverything, seedStates } from '../support';

beforeEach(async () => {
  await resetEverything();
});

/** What the page hands the browser to download, as text, by file name. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:levelmate/report';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: last! });
  });
  return files;
}

async function openShare() {
  const { user, section } = await openPanelSection('Studied', 'Progress report');
  return { user, share: section };
}

describe('sharing progress', () => {
  it('downloads a Markdown report with the done items, notes left out unless included', async () => {
    const done = level(1).items[0]!;
    await seedStates([[done.id, 'done', 'my private thoughts']]);
    const files = captureDownloads();
    const { user, share } = await openShare();
    await user.click(within(share).getByRole('button', { name: 'Download report' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^levelmate-progress-\d{4}-\d{2}-\d{2}\.md$/);
    const text = await files[0]!.blob.text();
    expect(text).toContain(done.short);
    expect(text).toContain('## Done');
    expect(text).not.toContain('my private thoughts');

    await user.click(within(share).getByRole('checkbox', { name: 'Include my notes' }));
    await user.click(within(share).getByRole('button', { name: 'Download report' }));
    await vi.waitFor(() => expect(files).toHaveLength(2));
    expect(await files[1]!.blob.text()).toContain('my private thoughts');
  });

  it('offers a CSV of item states and studied pages', async () => {
    const now = pinClock('2026-11-18T15:00:00');
    await seedStates([[level(2).items[0]!.id, 'learning']]);
    await seedVisits(db(), [
      {
        url: 'https://queue.acm.org/detail.cfm?id=1466448',
        host: 'queue.acm.org',
        title: 'Eventually Consistent - ACM Queue',
        resourceId: 'eventually-consistent',
        itemIds: ['quorum-n-w-r-tuning'],
        topics: ['consistency'],
        firstVisitAt: now - 3_600_000,
        lastVisitAt: now - 3_000_000,
        count: 2,
        activeMs: 120_000,
        source: 'auto',
      },
    ]);
    const files = captureDownloads();
    const { user, share } = await openShare();
    await user.click(within(share).getByRole('button', { name: 'CSV' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    const rows = (await files[0]!.blob.text()).trim().split('\r\n');
    expect(rows).toEqual([
      '"kind","level","item","state","date","note","page title","address","resource","minutes read"',
      '"item",2,"SQL CRUD statements","learning","","","","","",""',
      '"page",6,"Quorums: N, W and R","","2026-11-18","","Eventually Consistent - ACM Queue","https://queue.acm.org/detail.cfm?id=1466448","Eventually Consistent",2',
    ]);
  });

  it('previews the progress card before saving it', async () => {
    const drawn: string[] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ({
      fillRect: () => undefined,
      fillText: (text: string) => drawn.push(text),
      set fillStyle(_: string) {},
      set font(_: string) {},
    })) as never);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AA');
    await seedStates([[level(1).items[0]!.id, 'done']]);
    const { user, share } = await openShare();
    await user.click(within(share).getByRole('button', { name: 'Progress card' }));
    const preview = await within(share).findByRole('group', { name: 'Progress card preview' });
    expect(within(preview).getByRole('img').getAttribute('src')).toBe('data:image/png;base64,AA');
    expect(drawn).toContain(`Level 1 · ${level(1).name}`);
    expect(drawn.some((text) => text.includes('1 of 91 items done'))).toBe(true);
    expect(within(preview).getByRole('button', { name: 'Save image' })).toBeTruthy();
  });
});
