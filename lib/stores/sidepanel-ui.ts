import { create } from 'zustand';

export type SidepanelView = 'checklist' | 'review' | 'studied' | 'settings';
export type ChecklistFilter = 'all' | 'open' | 'done';

/**
 * What the side panel is showing, never what the person has achieved: progress lives in
 * IndexedDB only, so the popup and the panel cannot disagree.
 */
interface SidepanelUiState {
  view: SidepanelView;
  /** The level tab shown; null follows the person's current level. */
  selectedLevel: number | null;
  filter: ChecklistFilter;
  /** Searches items of every level; non-empty replaces the level tabs with results. */
  query: string;
  expandedItems: ReadonlySet<string>;
  /** The placement walk is open in place of the checklist. */
  placing: boolean;
  /** The list of every note is open in place of the checklist. */
  showNotes: boolean;
  toggleNotes: () => void;
  setView: (view: SidepanelView) => void;
  openPlacement: () => void;
  closePlacement: () => void;
  selectLevel: (level: number) => void;
  setFilter: (filter: ChecklistFilter) => void;
  setQuery: (query: string) => void;
  toggleExpanded: (itemId: string) => void;
}

const VIEWS: readonly SidepanelView[] = ['checklist', 'review', 'studied', 'settings'];

/** A view's name, if it is one. */
export function asView(name: string | null): SidepanelView | null {
  return name && (VIEWS as readonly string[]).includes(name) ? (name as SidepanelView) : null;
}

export const useSidepanelUi = create<SidepanelUiState>()((set) => ({
  view: 'checklist',
  selectedLevel: null,
  filter: 'all',
  query: '',
  expandedItems: new Set(),
  placing: false,
  showNotes: false,
  toggleNotes: () => set(({ showNotes }) => ({ showNotes: !showNotes })),
  setView: (view) => set({ view }),
  openPlacement: () => set({ placing: true, view: 'checklist', query: '' }),
  closePlacement: () => set({ placing: false }),
  selectLevel: (selectedLevel) => set({ selectedLevel }),
  setFilter: (filter) => set({ filter }),
  setQuery: (query) => set({ query }),
  toggleExpanded: (itemId) =>
    set(({ expandedItems }) => {
      const next = new Set(expandedItems);
      if (!next.delete(itemId)) next.add(itemId);
      return { expandedItems: next };
    }),
}));
