import { lazy, Suspense, useEffect } from 'react';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { asView, useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { onViewRequested, takeRequestedView } from '@/lib/ui/side-panel';
import { requestPersistentStorage } from '@/lib/ui/persistent-storage';
import { Loading } from '../shared/Loading';
import { Notices } from '../shared/Notices';
import { StorageErrorBoundary } from '../shared/StorageErrorBoundary';
import { ChecklistView } from './checklist/ChecklistView';
import { Header } from './Header';
import { ReviewView } from './review/ReviewView';
import { StudiedView } from './studied/StudiedView';
import './sidepanel.css';

/** Settings (backup, sync, reminders…) load when first opened: the checklist comes first. */
const SettingsView = lazy(() =>
  import('./settings/SettingsView').then((m) => ({ default: m.SettingsView })),
);

export function App() {
  const view = useSidepanelUi((state) => state.view);
  const setView = useSidepanelUi((state) => state.setView);
  useEffect(() => void requestPersistentStorage(), []);
  // "sidepanel.html#review", the popup's "Review them" or a reminder: the panel opens there.
  useEffect(() => {
    const show = (name: string | null) => {
      const asked = asView(name);
      if (asked) setView(asked);
    };
    if (location.hash) show(location.hash.slice(1));
    else void takeRequestedView().then(show);
    return onViewRequested(show);
  }, [setView]);

  return (
    <div className="sidepanel">
      <Header guide={BUILTIN_GUIDE} />
      <main className="sidepanel-main">
        {/* One boundary per view: a failing view leaves the others (and Settings) usable. */}
        <StorageErrorBoundary key={view}>
          {view === 'checklist' && <ChecklistView guide={BUILTIN_GUIDE} />}
          {view === 'review' && <ReviewView guide={BUILTIN_GUIDE} />}
          {view === 'studied' && <StudiedView guide={BUILTIN_GUIDE} />}
          {view === 'settings' && (
            <Suspense fallback={<Loading what="settings" />}>
              <SettingsView guide={BUILTIN_GUIDE} />
            </Suspense>
          )}
        </StorageErrorBoundary>
      </main>
      <Notices />
    </div>
  );
}
