import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db/database';
import { isSyncOn } from '@/lib/sync/store';
import type { Harness } from '../../helpers/background';
import { allVisits, seedVisits } from '../../helpers/visits';
import {
  GUIDE,
  level,
  openPanelSection,
  pinClock,
  resetEverything,
  savedSettings,
  seedDone,
  seedStates,
  sent,
  silenceBackground,
} from '../support';

/** A real backup (format 1): 9 item states, 4 studied pages, level 2, one excluded site. */
const BACKUP = readFileSync(
  join(import.meta.dirname, '..', '..', 'fixtures', 'backup-format-v1.json'),
  'utf8',
);

let background: Harness;
beforeEach(async () => {
  background = await resetEverything();
});

const openBackup = () => openPanelSection('Settings', 'Backup');

const backupFile = (text = BACKUP, name = 'levelmate-backup-2026-11-01.json') =>
  new File([text], name, { type: 'application/json' });

/** What the page hands the browser to download: each file's name, address and text. */
function captureDownloads() {
  const files: { download: string; href: string; blob: Blob }[] = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:levelmate/${blobs.length}`;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ download: this.download, href: this.href, blob: blobs.at(-1)! });
  });
  return files;
}

const stateRows = async () =>
  (await db().itemStates.toArray()).map(({ itemId, state }) => [itemId, state]);

describe('export', () => {
  it('downloads levelmate-backup-YYYY-MM-DD.json with everything stored', async () => {
    const now = pinClock('2026-11-18T15:00:00');
    await seedStates([
      [level(1).items[0]!.id, 'done', 'Traced with curl -v'],
      [level(2).items[0]!.id, 'learning'],
    ]);
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
    const { user, section } = await openBackup();
    await user.click(within(section).getByRole('button', { name: 'Export backup' }));
    expect(sent('exportBackup')).toEqual([{}]);
    expect(
      await within(section).findByText(/Saved levelmate-backup-2026-11-18\.json/),
    ).toBeTruthy();
    expect(files.map(({ download, href }) => ({ download, href }))).toEqual([
      { download: 'levelmate-backup-2026-11-18.json', href: 'blob:levelmate/1' },
    ]);
    const backup = JSON.parse(await files[0]!.blob.text());
    expect(backup).toMatchObject({
      format: 'levelmate-backup',
      formatVersion: 2,
      exportedAt: new Date(now).toISOString(),
      guides: [{ id: GUIDE.id, contentVersion: GUIDE.contentVersion }],
    });
    expect(backup.tables.itemStates).toEqual(await db().itemStates.toArray());
    expect(backup.tables.visits).toEqual(await allVisits(db()));
    expect(backup.tables.visits).toHaveLength(1);
  });

  it('says why when the export fails', async () => {
    silenceBackground();
    const files = captureDownloads();
    const { user, section } = await openBackup();
    await user.click(within(section).getByRole('button', { name: 'Export backup' }));
    expect(
      await within(section).findByText(
        'Could not export the backup: Levelmate’s background service did not answer.',
      ),
    ).toBeTruthy();
    expect(files).toEqual([]);
  });
});

describe('import', () => {
  it('merges a chosen file and reports what was imported', async () => {
    const mine = level(5).items[0]!.id;
    await seedStates([[mine, 'learning']]);
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(
      await within(section).findByText(
        'Merged the backup: 9 item states and 4 studied pages new or changed here.',
      ),
    ).toBeTruthy();
    expect(sent('importBackup')).toEqual([{ text: BACKUP, mode: 'merge', acceptFewer: false }]);
    // The backup's progress joins what was here.
    const states = Object.fromEntries(await stateRows());
    expect(Object.keys(states)).toHaveLength(10);
    expect(states[mine]).toBe('learning');
    expect(states['request-journey-dns-tcp']).toBe('done');
    expect(states['http-message-anatomy']).toBe('learning');
    expect(await allVisits(db())).toHaveLength(4);
    expect((await savedSettings()).excludedSites).toEqual(['news.ycombinator.com']);
  });

  it('merging the same backup again says there was nothing new, and changes nothing', async () => {
    const { user, section } = await openBackup();
    for (const round of [1, 2]) {
      await user.upload(within(section).getByLabelText('Import backup'), backupFile(BACKUP));
      await user.click(within(section).getByRole('button', { name: 'Import' }));
      if (round === 1) await within(section).findByText(/new or changed here/);
    }
    expect(
      await within(section).findByText(
        'Merged the backup: this browser already had everything in it.',
      ),
    ).toBeTruthy();
    expect(await allVisits(db())).toHaveLength(4);
  });

  it('shows a refused import’s reason in words, the exact place under Details, and says nothing changed', async () => {
    const broken = JSON.parse(BACKUP);
    broken.tables.visits[3].firstVisitAt = 'yesterday';
    const { user, section } = await openBackup();
    await user.upload(
      within(section).getByLabelText('Import backup'),
      backupFile(JSON.stringify(broken)),
    );
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(
      await within(section).findByText(
        'Studied page 4 has the first visit time “yesterday”, which should be a number. Nothing was changed.',
      ),
    ).toBeTruthy();
    const details = within(section).getByText('Details').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain(
      'tables.visits.3.firstVisitAt: Invalid input: expected number, received string',
    );
    expect(await db().itemStates.count()).toBe(0);
    expect(await allVisits(db())).toEqual([]);
  });

  it('says so when the background does not answer', async () => {
    silenceBackground();
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(
      await within(section).findByText(
        'Could not import the backup: Levelmate’s background service did not answer. Nothing was changed.',
      ),
    ).toBeTruthy();
    expect(await db().itemStates.count()).toBe(0);
  });

  it('asks again, with the numbers, before a replace that loses progress', async () => {
    // 40 items with progress here; the backup has 9.
    await seedDone(1, 13);
    await seedDone(2, 13);
    await seedDone(3, 13);
    await seedStates([[level(4).items[0]!.id, 'learning']]);
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('radio', { name: 'Replace' }));
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    await user.click(within(section).getByRole('button', { name: 'Replace everything' }));
    expect(
      await within(section).findByText(
        /holds progress on 9 items; you have progress on 40 items now\. Replacing loses the difference/,
      ),
    ).toBeTruthy();
    // Nothing was written while asking.
    expect(await db().itemStates.count()).toBe(40);

    await user.click(within(section).getByRole('button', { name: 'Replace and lose progress' }));
    expect(sent('importBackup').map((m) => m.acceptFewer)).toEqual([false, true]);
    expect(
      await within(section).findByText(
        'Replaced your data with the backup: 9 item states and 4 studied pages.',
      ),
    ).toBeTruthy();
    expect(await db().itemStates.count()).toBe(9);
    expect((await savedSettings()).currentLevels).toEqual({ [GUIDE.id]: 2 });
  });

  it('asks before replacing everything, and can be cancelled', async () => {
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('radio', { name: 'Replace' }));
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(sent('importBackup')).toEqual([]);
    expect(
      within(section).getByText(/Replace everything with “levelmate-backup-2026-11-01\.json”\?/),
    ).toBeTruthy();
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Cancel' }));

    await user.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(within(section).queryByRole('button', { name: 'Replace everything' })).toBeNull();
    expect(await db().itemStates.count()).toBe(0);

    await user.click(within(section).getByRole('button', { name: 'Import' }));
    await user.click(within(section).getByRole('button', { name: 'Replace everything' }));
    expect(
      await within(section).findByText(
        'Replaced your data with the backup: 9 item states and 4 studied pages.',
      ),
    ).toBeTruthy();
    expect(sent('importBackup')).toEqual([{ text: BACKUP, mode: 'replace', acceptFewer: false }]);
    expect(await db().itemStates.count()).toBe(9);
    expect((await allVisits(db())).map((v) => v.url)).toContain(
      'https://queue.acm.org/detail.cfm?id=1466448',
    );
  });

  it('refuses a file over 48 MB without reading or sending it', async () => {
    const huge = backupFile('{}', 'photos.json');
    Object.defineProperty(huge, 'size', { value: 49 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'text');
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), huge);
    expect(
      await within(section).findByText(
        '“photos.json” is 49.0 MB; a Levelmate backup is at most 48.0 MB. Is it the right file?',
      ),
    ).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Import' })).toBeNull();
    expect(read).not.toHaveBeenCalled();
    expect(sent('importBackup')).toEqual([]);
  });
});

describe('delete everything', () => {
  const openDelete = () => openPanelSection('Settings', 'Delete everything');

  it('asks first, offering a backup, and deletes only when confirmed', async () => {
    const kept = level(1).items[0]!.id;
    await seedStates([[kept, 'done', 'my note']]);
    // Sync was turned on and has run.
    await fakeBrowser.storage.local.set({ syncChoice: 'on' });
    await background.sync.now();
    const files = captureDownloads();
    const { user, section } = await openDelete();
    await screen.findByText(/^Synced just now/);
    await user.click(within(section).getByRole('button', { name: 'Delete everything…' }));
    expect(within(section).getByText(/This cannot be undone\. Export a backup first/)).toBeTruthy();
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Cancel' }));
    await user.click(within(section).getByRole('button', { name: 'Export a backup first' }));
    expect(sent('exportBackup')).toEqual([{}]);
    await vi.waitFor(() => expect(files).toHaveLength(1));
    const backup = JSON.parse(await files[0]!.blob.text());
    expect(backup.tables.itemStates).toMatchObject([
      { itemId: kept, state: 'done', note: 'my note' },
    ]);
    expect(sent('deleteEverything')).toEqual([]);
    expect(await db().itemStates.count()).toBe(1);

    await user.click(within(section).getByRole('button', { name: 'Delete everything' }));
    expect(
      await within(section).findByText('Deleted. Levelmate is as on the day you installed it.'),
    ).toBeTruthy();
    expect(sent('deleteEverything')).toEqual([{}]);
    expect(await db().itemStates.count()).toBe(0);
    expect(await db().settings.count()).toBe(0);
    // Sync is off here, so the deletion does not flow to the other browsers, and Settings
    // says so at once (not "Synced 5 min ago").
    expect(await isSyncOn()).toBe(false);
    await vi.waitFor(() =>
      expect(screen.getByText('Sync is off: your progress stays in this browser.')).toBeTruthy(),
    );
  });

  it('can be cancelled', async () => {
    await seedStates([[level(1).items[0]!.id, 'done']]);
    const { user, section } = await openDelete();
    await user.click(within(section).getByRole('button', { name: 'Delete everything…' }));
    await user.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(within(section).queryByRole('button', { name: 'Delete everything' })).toBeNull();
    expect(sent('deleteEverything')).toEqual([]);
    expect(await db().itemStates.count()).toBe(1);
  });
});
