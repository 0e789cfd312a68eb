import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { db } from '@/lib/db/database';
import { level, resetEverything } from '../support';

beforeEach(async () => {
  await resetEverything();
  // The boundary logs what it caught; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

/** Makes reading item states fail the way IndexedDB does: a rejected query. */
function failReads(error: Error) {
  const failing = { equals: () => ({ toArray: () => Promise.reject(error) }) };
  return vi.spyOn(db().itemStates, 'where').mockImplementation(() => failing as never);
}

const named = (name: string, message: string, extra = {}) =>
  Object.assign(new Error(message), { name }, extra);

describe('storage errors', () => {
  it.each([
    ['QuotaExceededError', 'There is no room left to save your progress', /Free some disk space/],
    ['VersionError', 'Your data was saved by a newer version of Levelmate', /Update Levelmate/],
  ])('explains a %s in words with what to do', async (name, title, advice) => {
    failReads(named(name, 'low-level detail'));
    render(<App />);
    const main = screen.getByRole('main');
    const problem = (await within(main).findByText(title)).closest('[role="alert"]') as HTMLElement;
    expect(within(problem).getByText(advice)).toBeTruthy();
    // The header, which failed too, says it in one line instead of repeating the advice.
    expect(within(screen.getByRole('banner')).getByText(title)).toBeTruthy();
    expect(within(problem).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(within(problem).getByText(`${name}: low-level detail`)).toBeTruthy();
  });

  it('finds the cause Dexie wraps (an open that failed on a full disk)', async () => {
    failReads(
      named('OpenFailedError', 'could not open', {
        inner: named('QuotaExceededError', 'disk full'),
      }),
    );
    render(<App />);
    expect(
      await within(screen.getByRole('main')).findByText(
        'There is no room left to save your progress',
      ),
    ).toBeTruthy();
  });

  it('says so when the database is closed under it (which live queries ignore), and reopens it', async () => {
    const user = userEvent.setup();
    render(<App />);
    const main = screen.getByRole('main');
    await within(main).findByRole('checkbox', { name: level(1).items[0]!.text });
    db().close();
    const problem = (await within(main).findByText('Levelmate’s database was closed')).closest(
      '[role="alert"]',
    )!;
    expect(
      within(problem as HTMLElement).getByText(/close this panel and open it again/),
    ).toBeTruthy();
    await user.click(within(main).getByRole('button', { name: 'Try again' }));
    expect(
      await within(main).findByRole('checkbox', { name: level(1).items[0]!.text }),
    ).toBeTruthy();
    expect(db().isOpen()).toBe(true);
  });

  it('recovers with "Try again" once the problem is gone', async () => {
    const failing = failReads(named('UnknownError', 'flaky'));
    const user = userEvent.setup();
    render(<App />);
    const main = screen.getByRole('main');
    await within(main).findByText('The browser’s storage reported an error');
    failing.mockRestore();
    await user.click(within(main).getByRole('button', { name: 'Try again' }));
    expect(
      await within(main).findByRole('checkbox', { name: level(1).items[0]!.text }),
    ).toBeTruthy();
  });

  it('keeps the other screens usable when one fails', async () => {
    failReads(named('UnknownError', 'flaky'));
    const user = userEvent.setup();
    render(<App />);
    await within(screen.getByRole('main')).findByText('The browser’s storage reported an error');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('button', { name: 'Export backup' })).toBeTruthy();
  });
});
