import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LEARNING_SITE_GROUPS } from '@/lib/builtin/learning-sites';
import { ANY_SITE_ORIGINS } from '@/lib/schemas/constants';
import { App } from '@/components/sidepanel/App';
import { resetEverything, savedSettings } from '../support';

beforeEach(async () => {
  await resetEverything();
});

describe('after "Not now" to the learning sites', () => {
  it('says that nothing is recorded, on the checklist and where studied pages would be', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    const off = await screen.findByText(/Recognition is off: no learning site is allowed/);
    expect(
      within(off.closest('[role=status]')!).getByRole('button', {
        name: /^Allow \d+ learning sites$/,
      }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Studied/ }));
    expect(await screen.findByText(/Recognition is off: no learning site is allowed/)).toBeTruthy();
    expect(screen.queryByText(/Visit a learning resource such as/)).toBeNull();
  });
});

describe('the first run', () => {
  it('shows one card at a time: the learning sites, then where to start', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('Let Levelmate notice what you study');
    expect(screen.queryByText(/^Start with Level 1/)).toBeNull();
    // Placement stays one click away meanwhile.
    expect(screen.getByRole('button', { name: 'Place yourself…' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(await screen.findByText(/^Start with Level 1/)).toBeTruthy();
    expect(screen.queryByText('Let Levelmate notice what you study')).toBeNull();
  });
});

describe('the first ask for learning sites', () => {
  it('asks for the sites by kind, bookstores only if chosen, and "any site" only if ticked', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const user = userEvent.setup();
    render(<App />);
    const ask = (await screen.findByText('Let Levelmate notice what you study')).closest('aside')!;
    const shops = LEARNING_SITE_GROUPS.find((g) => g.id === 'shops')!;
    const docs = LEARNING_SITE_GROUPS.find((g) => g.id === 'docs')!;
    const all = LEARNING_SITE_GROUPS.flatMap((g) => g.origins).length;
    expect(
      within(ask).getByRole('button', {
        name: `Allow on ${all - shops.origins.length} learning sites`,
      }),
    ).toBeTruthy();
    await user.click(within(ask).getByRole('button', { name: 'Choose sites' }));
    await user.click(within(ask).getByRole('checkbox', { name: /^Documentation and standards/ }));
    await user.type(within(ask).getByRole('searchbox', { name: 'Find a site' }), 'postgresql');
    expect(within(ask).getByText(/postgresql\.org \(documentation and standards\)/)).toBeTruthy();
    await user.click(within(ask).getByRole('checkbox', { name: /any other site/ }));
    const count = all - shops.origins.length - docs.origins.length;
    await user.click(within(ask).getByRole('button', { name: `Allow on ${count} learning sites` }));
    const asked = request.mock.calls[0]![0].origins!;
    expect(asked).toHaveLength(count + ANY_SITE_ORIGINS.length);
    expect(asked).toEqual(expect.arrayContaining(ANY_SITE_ORIGINS));
    expect(asked).not.toContain(shops.origins[0]);
    expect(asked).not.toContain(docs.origins[0]);
    await vi.waitFor(async () => expect((await savedSettings()).recogniseAnySite).toBe(true));
  });
});

describe('when the browser refuses to set up recognition', () => {
  it('says so in Settings, and the next change that works clears it', async () => {
    const register = vi
      .spyOn(fakeBrowser.scripting, 'registerContentScripts')
      .mockRejectedValueOnce(new Error("Invalid value for 'content_scripts[0].matches[0]'"));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<App />);
    const ask = (await screen.findByText('Let Levelmate notice what you study')).closest('aside')!;
    await user.click(within(ask).getByRole('button', { name: /^Allow on \d+ learning sites$/ }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = (await screen.findByRole('heading', { name: 'Learning sites' })).closest(
      'section',
    )!;
    expect((await within(section).findByRole('alert')).textContent).toBe(
      "The browser did not set up page recognition (Invalid value for 'content_scripts[0].matches[0]'). Allowing or removing a site tries again; so does restarting the browser.",
    );
    await user.click(
      within(section).getByRole('button', { name: /^Allow Bookstores and libraries/ }),
    );
    await vi.waitFor(() => expect(within(section).queryByRole('alert')).toBeNull());
    expect(register.mock.calls.length).toBeGreaterThan(1);
  });
});
