import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { openPanelSection, resetEverything, seedStates, level } from '../support';

beforeEach(async () => {
  await resetEverything();
});

describe('the storage card', () => {
  it('says the data is kept (unlimitedStorage), and that nothing is stored once emptied', async () => {
    await seedStates([[level(1).items[0]!.id, 'done']]);
    const { section } = await openPanelSection('Settings', 'Storage');
    expect(
      await within(section).findByText(
        'Kept: the browser does not clear Levelmate’s data to free disk space.',
      ),
    ).toBeTruthy();
    expect(within(section).queryByText('Nothing is stored yet.')).toBeNull();
    await db().itemStates.clear();
    expect(await within(section).findByText('Nothing is stored yet.')).toBeTruthy();
  });
});
