import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { importBackupHere } from '@/lib/backup/import-effects';
import { answerMessages, pinClock, resetEverything, sent, openPanelSection } from '../support';

vi.mock('@/lib/commands/protocol', () => ({ sendMessage: vi.fn() }));
// Imports run in the side panel itself; here the importer answers as each test says.
vi.mock('@/lib/backup/import-effects', () => ({ importBackupHere: vi.fn() }));
const importer = vi.mocked(importBackupHere);
type Outcome = Awaited<ReturnType<typeof importBackupHere>>;
const importsAnswer = (answer: (mode: string, acceptFewer: boolean) => Outcome) =>
  importer.mockImplementation(async (_text, mode, acceptFewer) => answer(mode, acceptFewer));
const imported = () =>
  importer.mock.calls.map(([text, mode, acceptFewer]) => ({ text, mode, acceptFewer }));

beforeEach(async () => {
  importer.mockReset();
  await resetEverything();
  answerMessages();
});

const openBackup = () => openPanelSection('Settings', 'Backup');

const backupFile = (
  text = '{"format":"levelmate-backup"}',
  name = 'levelmate-backup-2026-11-01.json',
) => new File([text], name, { type: 'application/json' });

describe('export', () => {
  it('downloads levelmate-backup-YYYY-MM-DD.json with the background’s export', async () => {
    pinClock('2026-11-18T15:00:00');
    answerMessages({ exportBackup: () => '{"format":"levelmate-backup","tables":{}}' });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:levelmate/1';
    });
    const { user, section } = await openBackup();
    await user.click(within(section).getByRole('button', { name: 'Export backup' }));
    expect(sent('exportBackup')).toEqual([{}]);
    expect(clicked).toEqual([
      { download: 'levelmate-backup-2026-11-18.json', href: 'blob:levelmate/1' },
    ]);
    expect(await blobs[0]!.text()).toBe('{"format":"levelmate-backup","tables":{}}');
    expect(
      await within(section).findByText(/Saved levelmate-backup-2026-11-18\.json/),
    ).toBeTruthy();
  });

  it('says why when the export fails', async () => {
    answerMessages({
      exportBackup: () => {
        throw new Error('No response');
      },
    });
    const { user, section } = await openBackup();
    await user.click(within(section).getByRole('button', { name: 'Export backup' }));
    expect(
      await within(section).findByText('Could not export the backup: No response.'),
    ).toBeTruthy();
  });
});

describe('import', () => {
  it('merges a chosen file and reports what was imported', async () => {
    importsAnswer((mode) => ({
      kind: 'imported',
      mode: mode as 'merge',
      itemStates: 3,
      visits: 1,
    }));
    const { user, section } = await openBackup();
    await user.upload(
      within(section).getByLabelText('Import backup'),
      backupFile('{"format":"x"}'),
    );
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(imported()).toEqual([{ text: '{"format":"x"}', mode: 'merge', acceptFewer: false }]);
    expect(
      await within(section).findByText('Merged the backup: 3 item states and 1 studied page.'),
    ).toBeTruthy();
  });

  it('shows a refused import’s reason in words, the exact place under Details, and says nothing changed', async () => {
    importsAnswer(() => ({
      kind: 'refused',
      reason: 'Studied page 4 has the first visit time “yesterday”, which should be a number.',
      details: 'tables.visits.3.firstVisitAt: Invalid input: expected number, received string',
    }));
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(
      await within(section).findByText(
        'Studied page 4 has the first visit time “yesterday”, which should be a number. Nothing was changed.',
      ),
    ).toBeTruthy();
    const details = within(section).getByText('Details').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('tables.visits.3.firstVisitAt');
  });

  it('says so when the background does not answer', async () => {
    importer.mockRejectedValue(new Error('No response'));
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(
      await within(section).findByText(
        'Could not import the backup: No response. Nothing was changed.',
      ),
    ).toBeTruthy();
  });

  it('asks again, with the numbers, before a replace that loses progress', async () => {
    importsAnswer((mode, acceptFewer) =>
      acceptFewer
        ? { kind: 'imported', mode: mode as 'replace', itemStates: 2, visits: 0 }
        : { kind: 'confirm-fewer', now: 40, after: 2 },
    );
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('radio', { name: 'Replace' }));
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    await user.click(within(section).getByRole('button', { name: 'Replace everything' }));
    expect(
      await within(section).findByText(
        /holds progress on 2 items; you have progress on 40 items now\. Replacing loses the difference/,
      ),
    ).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Replace and lose progress' }));
    expect(imported().map((m) => m.acceptFewer)).toEqual([false, true]);
    expect(
      await within(section).findByText(
        'Replaced your data with the backup: 2 item states and 0 studied pages.',
      ),
    ).toBeTruthy();
  });

  it('asks before replacing everything, and can be cancelled', async () => {
    importsAnswer((mode) => ({
      kind: 'imported',
      mode: mode as 'replace',
      itemStates: 2,
      visits: 5,
    }));
    const { user, section } = await openBackup();
    await user.upload(within(section).getByLabelText('Import backup'), backupFile());
    await user.click(within(section).getByRole('radio', { name: 'Replace' }));
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(imported()).toEqual([]);
    expect(
      within(section).getByText(/Replace everything with “levelmate-backup-2026-11-01\.json”\?/),
    ).toBeTruthy();
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Cancel' }));

    await user.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(within(section).queryByRole('button', { name: 'Replace everything' })).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Import' }));
    await user.click(within(section).getByRole('button', { name: 'Replace everything' }));
    expect(imported()).toEqual([
      { text: '{"format":"levelmate-backup"}', mode: 'replace', acceptFewer: false },
    ]);
    expect(
      await within(section).findByText(
        'Replaced your data with the backup: 2 item states and 5 studied pages.',
      ),
    ).toBeTruthy();
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
    expect(imported()).toEqual([]);
  });
});

describe('delete everything', () => {
  const openDelete = () => openPanelSection('Settings', 'Delete everything');

  it('asks first, offering a backup, and deletes only when confirmed', async () => {
    answerMessages({ exportBackup: () => '{}' });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:levelmate/2');
    const { user, section } = await openDelete();
    await user.click(within(section).getByRole('button', { name: 'Delete everything…' }));
    expect(within(section).getByText(/This cannot be undone\. Export a backup first/)).toBeTruthy();
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Cancel' }));
    await user.click(within(section).getByRole('button', { name: 'Export a backup first' }));
    expect(sent('exportBackup')).toEqual([{}]);
    expect(sent('deleteEverything')).toEqual([]);
    await user.click(within(section).getByRole('button', { name: 'Delete everything' }));
    expect(sent('deleteEverything')).toEqual([{}]);
    expect(
      await within(section).findByText('Deleted. Levelmate is as on the day you installed it.'),
    ).toBeTruthy();
  });

  it('can be cancelled', async () => {
    const { user, section } = await openDelete();
    await user.click(within(section).getByRole('button', { name: 'Delete everything…' }));
    await user.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(within(section).queryByRole('button', { name: 'Delete everything' })).toBeNull();
    expect(sent('deleteEverything')).toEqual([]);
  });
});
