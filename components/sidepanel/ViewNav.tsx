import { useSidepanelUi, type SidepanelView } from '@/lib/stores/sidepanel-ui';
import { Icon, type IconName } from '../shared/Icon';

const VIEWS: { view: SidepanelView; label: string; icon: IconName }[] = [
  { view: 'checklist', label: 'Checklist', icon: 'list' },
  { view: 'studied', label: 'Studied', icon: 'book' },
  { view: 'settings', label: 'Settings', icon: 'gear' },
];

/** The panel's three screens; plain buttons marking the current one, so Tab reaches each. */
export function ViewNav() {
  const { view: current, setView } = useSidepanelUi();
  return (
    <nav className="view-nav" aria-label="Screens">
      {VIEWS.map(({ view, label, icon }) => (
        <button
          key={view}
          type="button"
          className="view-nav-button"
          aria-current={view === current ? 'page' : undefined}
          onClick={() => setView(view)}
        >
          <Icon name={icon} />
          {label}
        </button>
      ))}
    </nav>
  );
}
