import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { resetEverything } from '../support';

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
