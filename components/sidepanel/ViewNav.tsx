import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { useSidepanelUi, type SidepanelView } from '@/lib/stores/sidepanel-ui';
import { useDueCount } from '@/lib/review/queries';
import { Icon, type IconName } from '../shared/Icon';

const VIEWS: { view: SidepanelView; label: string; icon: IconName }[] = [
  { view: 'checklist', label: 'Checklist', icon: 'list' },
  { view: 'review', label: 'Review', icon: 'check' },
  { view: 'studied', label: 'Studied', icon: 'book' },
  { view: 'settings', label: 'Settings', icon: 'gear' },
];

/** The panel's screens; plain buttons marking the current one, so Tab reaches each. */
export function ViewNav() {
  const { view: current, setView } = useSidepanelUi();
  const due = useDueCount(BUILTIN_GUIDE.id) ?? 0;
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
          <span className="view-nav-label">{label}</span>
          {view === 'review' && due > 0 && (
            <span className="count-badge" aria-label={`${due} due`}>
              {due}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
