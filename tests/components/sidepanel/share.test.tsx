import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerMessages, level, resetEverything, seedStates, openPanelSection } from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));

beforeEach(async () => {
  await resetEverything();
  answerMessages();
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
    await seedStates([[level(2).items[0]!.id, 'learning']]);
    const files = captureDownloads();
    const { user, share } = await openShare();
    await user.click(within(share).getByRole('button', { name: 'CSV' }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    const rows = (await files[0]!.blob.text()).trim().split('\r\n');
    expect(rows[1]).toContain(`item,2,${level(2).items[0]!.short},learning`);
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
