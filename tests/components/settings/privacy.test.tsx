import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import type { SettingsRecord } from '@/lib/schemas/records';
import { UNTIL_RESUMED } from '@/lib/settings/pause';
import { allVisits, seedVisits } from '../../helpers/visits';
import type { Harness } from '../../helpers/background';
import {
  GUIDE,
  openPanelSection,
  pinClock,
  resetEverything,
  savedSettings,
  sent,
} from '../support';

const ANY_SITE = { origins: ['https://*/*', 'http://*/*'] };

let background: Harness;
beforeEach(async () => {
  background = await resetEverything();
});

/** The content scripts the background has registered, by id, with the sites they run on. */
const registeredScripts = () =>
  Object.fromEntries([...background.scripting.registered].map(([id, s]) => [id, s.matches]));

async function seedSettings(patch: Partial<SettingsRecord>) {
  await db().settings.put({
    id: 'settings',
    currentLevels: {},
    pausedUntil: null,
    excludedSites: [],
    recogniseAnySite: false,
    showChip: true,
    ...patch,
  });
}

const openPrivacy = () => openPanelSection('Settings', 'Recognition and privacy');

describe('pausing recognition', () => {
  it('pauses for one hour', async () => {
    const now = pinClock();
    const { user, section } = await openPrivacy();
    await user.click(within(section).getByRole('button', { name: 'Pause for 1 hour' }));
    expect(sent('updateSettings')).toEqual([{ pausedUntil: now + 3_600_000 }]);
    await vi.waitFor(async () => expect((await savedSettings()).pausedUntil).toBe(now + 3_600_000));
    const time = new Date(now + 3_600_000).toLocaleTimeString(undefined, { timeStyle: 'short' });
    expect(
      await within(section).findByText(`Paused until ${time}. Nothing is recorded.`),
    ).toBeTruthy();
    // The background wakes when the pause ends, to take the paused mark off the toolbar.
    expect(await fakeBrowser.alarms.get('levelmate-pause-ends')).toMatchObject({
      scheduledTime: now + 3_600_000,
    });
  });

  it('pauses until resumed, and resumes', async () => {
    const { user, section } = await openPrivacy();
    await user.click(within(section).getByRole('button', { name: 'Pause until I resume' }));
    expect(sent('updateSettings')).toEqual([{ pausedUntil: UNTIL_RESUMED }]);
    expect(
      await within(section).findByText('Paused until you resume. Nothing is recorded.'),
    ).toBeTruthy();
    expect((await savedSettings()).pausedUntil).toBe(UNTIL_RESUMED);

    await user.click(within(section).getByRole('button', { name: 'Resume' }));
    expect(sent('updateSettings').at(-1)).toEqual({ pausedUntil: null });
    await vi.waitFor(async () => expect((await savedSettings()).pausedUntil).toBeNull());
    await vi.waitFor(() => expect(within(section).queryByText(/Nothing is recorded\./)).toBeNull());
  });

  it('shows until when a timed pause lasts', async () => {
    const now = pinClock();
    await seedSettings({ pausedUntil: now + 30 * 60_000 });
    const { section } = await openPrivacy();
    const time = new Date(now + 30 * 60_000).toLocaleTimeString(undefined, { timeStyle: 'short' });
    expect(
      await within(section).findByText(`Paused until ${time}. Nothing is recorded.`),
    ).toBeTruthy();
  });
});

describe('recognise on any site', () => {
  it('asks the browser for access to all sites first, then turns it on', async () => {
    // The person grants it (the browser's own prompt).
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const { user, section } = await openPrivacy();
    const toggle = within(section).getByRole('switch', {
      name: 'Recognise learning pages on any site',
    });
    await user.click(toggle);
    expect(request).toHaveBeenCalledWith(ANY_SITE);
    await vi.waitFor(() => expect(sent('updateSettings')).toEqual([{ recogniseAnySite: true }]));
    await vi.waitFor(async () => expect((await savedSettings()).recogniseAnySite).toBe(true));
    // The background follows: the content script now runs on every site.
    await vi.waitFor(() =>
      expect(registeredScripts()).toEqual({ 'levelmate-any-site': ANY_SITE.origins }),
    );
    await vi.waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
  });

  it('stays off and says so when the browser refuses', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => false) as never);
    const { user, section } = await openPrivacy();
    await user.click(
      within(section).getByRole('switch', { name: 'Recognise learning pages on any site' }),
    );
    expect(await within(section).findByText(/did not grant access to all sites/)).toBeTruthy();
    expect(sent('updateSettings')).toEqual([]);
    expect((await savedSettings()).recogniseAnySite).toBe(false);
    expect(registeredScripts()).toEqual({});
  });

  it('turns off and gives the access back', async () => {
    // On, and granted: the background runs the content script on every site.
    await fakeBrowser.permissions.request(ANY_SITE);
    await seedSettings({ recogniseAnySite: true });
    await background.scripts.apply(true);
    expect(registeredScripts()).toEqual({ 'levelmate-any-site': ANY_SITE.origins });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    const { user, section } = await openPrivacy();
    const toggle = within(section).getByRole('switch', {
      name: 'Recognise learning pages on any site',
    });
    await vi.waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    await user.click(toggle);
    await vi.waitFor(() => expect(remove).toHaveBeenCalledWith(ANY_SITE));
    expect(sent('updateSettings')).toEqual([{ recogniseAnySite: false }]);
    expect(await fakeBrowser.permissions.contains(ANY_SITE)).toBe(false);
    await vi.waitFor(async () => expect((await savedSettings()).recogniseAnySite).toBe(false));
    await vi.waitFor(() => expect(registeredScripts()).toEqual({}));
    await vi.waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false));
  });
});

describe('other privacy settings', () => {
  it('turns the in-page chip off', async () => {
    const { user, section } = await openPrivacy();
    const chip = within(section).getByRole('switch', { name: 'Show the in-page chip' });
    expect((chip as HTMLInputElement).checked).toBe(true);
    await user.click(chip);
    expect(sent('updateSettings')).toEqual([{ showChip: false }]);
    await vi.waitFor(async () => expect((await savedSettings()).showChip).toBe(false));
    await vi.waitFor(() => expect((chip as HTMLInputElement).checked).toBe(false));
  });

  it('excludes a site typed as an address, and refuses what is not a site', async () => {
    const { user, section } = await openPrivacy();
    const input = within(section).getByLabelText('Exclude a site');
    await user.type(input, 'not a site');
    await user.click(within(section).getByRole('button', { name: 'Exclude' }));
    expect(within(section).getByText(/“not a site” is not a site name/)).toBeTruthy();
    expect(sent('addExcludedSite')).toEqual([]);

    await user.clear(input);
    await user.type(input, 'https://www.Example.com/some/page?x=1');
    await user.click(within(section).getByRole('button', { name: 'Exclude' }));
    expect(sent('addExcludedSite')).toEqual([{ site: 'example.com' }]);
    await vi.waitFor(async () =>
      expect((await savedSettings()).excludedSites).toEqual(['example.com']),
    );
    expect(
      await within(section).findByRole('button', {
        name: 'Remove example.com from excluded sites',
      }),
    ).toBeTruthy();
  });

  it('lists excluded sites and removes one', async () => {
    await seedSettings({ excludedSites: ['example.org', 'news.example.net'] });
    const { user, section } = await openPrivacy();
    await user.click(
      await within(section).findByRole('button', {
        name: 'Remove news.example.net from excluded sites',
      }),
    );
    expect(sent('removeExcludedSite')).toEqual([{ site: 'news.example.net' }]);
    await vi.waitFor(async () =>
      expect((await savedSettings()).excludedSites).toEqual(['example.org']),
    );
    await vi.waitFor(() =>
      expect(
        within(section).queryByRole('button', {
          name: 'Remove news.example.net from excluded sites',
        }),
      ).toBeNull(),
    );
    expect(
      within(section).getByRole('button', { name: 'Remove example.org from excluded sites' }),
    ).toBeTruthy();
  });

  it('deletes a site’s visits after asking', async () => {
    const page = (url: string) => ({
      url,
      host: new URL(url).host,
      title: url,
      resourceId: null,
      itemIds: [],
      topics: [],
      firstVisitAt: Date.now() - 60_000,
      lastVisitAt: Date.now() - 60_000,
      count: 1,
      activeMs: 0,
      source: 'manual' as const,
    });
    await seedVisits(db(), [
      page('https://example.com/a'),
      page('https://www.example.com/b'),
      page('https://docs.example.com/c'),
      page('https://example.org/kept'),
    ]);
    const { user, section } = await openPrivacy();
    await user.type(within(section).getByLabelText('Site whose visits to delete'), 'example.com');
    await user.click(within(section).getByRole('button', { name: 'Delete visits' }));
    expect(sent('deleteSiteVisits')).toEqual([]);
    await user.click(within(section).getByRole('button', { name: 'Delete' }));
    expect(sent('deleteSiteVisits')).toEqual([{ site: 'example.com' }]);
    expect(
      await within(section).findByText('Deleted 3 studied pages from example.com.'),
    ).toBeTruthy();
    expect((await allVisits(db())).map((v) => v.url)).toEqual(['https://example.org/kept']);
  });
});

describe('archived progress', () => {
  it('appears only when a guide update archived something', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Backup' });
    const id = await db().archivedItemStates.add({
      guideId: GUIDE.id,
      itemId: 'old-soap-item',
      state: 'done',
      note: 'I did SOAP once',
      updatedAt: 1,
      fromVersion: 1,
      reason: 'removed',
      movedTo: [],
      archivedAt: Date.now(),
    } as never);
    const section = (await screen.findByRole('heading', { name: 'Archived progress' })).closest(
      'section',
    )!;
    expect(within(section).getByText('old-soap-item')).toBeTruthy();
    expect(within(section).getByText('I did SOAP once')).toBeTruthy();
    // The same live screen, once nothing is archived: the section goes (not "never loaded").
    await db().archivedItemStates.delete(id);
    await vi.waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Archived progress' })).toBeNull(),
    );
    expect(screen.getByRole('heading', { name: 'Backup' })).toBeTruthy();
  });
});
