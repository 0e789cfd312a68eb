import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { RESOURCES } from '@/lib/builtin/resources';
import { level, resetEverything, seedCurrentLevel } from '../support';

beforeEach(async () => {
  await resetEverything();
});

describe('suggested resources, with the shipped catalogue', () => {
  it("puts the guide's own reference first, and opens the rest on request", async () => {
    const acid = level(4).items.find((i) => i.id === 'acid-isolation-levels')!;
    await seedCurrentLevel(4);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: `Details: ${acid.text}` }));
    const section = (await screen.findByRole('heading', { name: 'Suggested resources' })).closest(
      'section',
    )!;
    const links = () =>
      within(section)
        .getAllByRole('link')
        .map((a) => a.textContent);
    // The resource list loads when details first open.
    await within(section).findAllByRole('link');
    expect(links()[0]).toMatch(/^Designing Data-Intensive Applications/);
    const serving = RESOURCES.filter((r) => r.items.includes(acid.id)).length;
    expect(serving).toBeGreaterThan(5);
    await user.click(within(section).getByRole('button', { name: `Show ${serving - 5} more` }));
    expect(links()).toHaveLength(serving);
  });
});
