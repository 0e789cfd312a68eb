import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/sidepanel/App';
import { GUIDE, level, resetEverything, seedCurrentLevel, seedDone, seedStates } from '../support';

beforeEach(async () => {
  await resetEverything();
});

describe('level tabs', () => {
  it('names the seven tabs exactly "Level N · Name"', async () => {
    render(<App />);
    const tabs = await screen.findAllByRole('tab');
    // The name is the tab's own text, the level's name visible in it.
    expect(tabs.map((tab) => tab.querySelector('.level-tab-name')?.textContent)).toEqual(
      GUIDE.levels.map((l) => l.name),
    );
    for (const l of GUIDE.levels) {
      expect(screen.getByRole('tab', { name: `Level ${l.number} · ${l.name}` })).toBeTruthy();
    }
    expect(screen.getByRole('tablist', { name: 'Levels' })).toBeTruthy();
  });

  it('describes each tab with its progress, keeping the name exact', async () => {
    await seedStates([
      [level(2).items[0]!.id, 'done'],
      [level(2).items[1]!.id, 'done'],
      [level(2).items[2]!.id, 'done'],
      [level(2).items[3]!.id, 'skipped'],
    ]);
    render(<App />);
    const tab = await screen.findByRole('tab', { name: `Level 2 · ${level(2).name}` });
    await vi.waitFor(() => expect(tab.getAttribute('aria-describedby')).toBeTruthy());
    const description = document.getElementById(tab.getAttribute('aria-describedby')!)!;
    await vi.waitFor(() => expect(description.textContent).toContain('3 of 12 done'));
  });

  it('opens on the current level', async () => {
    await seedCurrentLevel(3);
    render(<App />);
    const tab = await screen.findByRole('tab', { name: `Level 3 · ${level(3).name}` });
    await vi.waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(
      `Level 3 · ${level(3).name}`,
    );
    expect(within(panel).getByRole('checkbox', { name: level(3).items[0]!.text })).toBeTruthy();
  });

  it('opens on the suggested level when none was chosen', async () => {
    // 11 of 13 done on level 1 makes it ready, so level 2 is suggested.
    await seedDone(1, 11);
    render(<App />);
    const tab = await screen.findByRole('tab', { name: `Level 2 · ${level(2).name}` });
    await vi.waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
  });

  it('moves between tabs with arrow keys, Home and End (roving tabindex)', async () => {
    const user = userEvent.setup();
    render(<App />);
    const first = await screen.findByRole('tab', { name: `Level 1 · ${level(1).name}` });
    await vi.waitFor(() => expect(first.getAttribute('aria-selected')).toBe('true'));
    expect(screen.getAllByRole('tab').filter((tab) => tab.tabIndex === 0)).toEqual([first]);

    first.focus();
    await user.keyboard('{ArrowRight}');
    const second = screen.getByRole('tab', { name: `Level 2 · ${level(2).name}` });
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(second);
    expect(second.tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);
    expect(screen.getByRole('checkbox', { name: level(2).items[0]!.text })).toBeTruthy();

    await user.keyboard('{End}');
    expect(document.activeElement).toBe(
      screen.getByRole('tab', { name: `Level 7 · ${level(7).name}` }),
    );
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(first);
    await user.keyboard('{ArrowLeft}');
    expect(
      screen.getByRole('tab', { name: `Level 7 · ${level(7).name}` }).getAttribute('aria-selected'),
    ).toBe('true');
    await user.keyboard('{Home}');
    expect(first.getAttribute('aria-selected')).toBe('true');
  });
});
