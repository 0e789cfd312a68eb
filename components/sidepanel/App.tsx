import { useEffect } from 'react';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { requestPersistentStorage } from '@/lib/ui/persistent-storage';
import { Notices } from '../shared/Notices';
import { StorageErrorBoundary } from '../shared/StorageErrorBoundary';
import { ChecklistView } from './checklist/ChecklistView';
import { Header } from './Header';
import { SettingsView } from './settings/SettingsView';
import { StudiedView } from './studied/StudiedView';
import './sidepanel.css';

export function App() {
  const view = useSidepanelUi((state) => state.view);
  useEffect(() => void requestPersistentStorage(), []);

  return (
    <div className="sidepanel">
      <Header guide={BUILTIN_GUIDE} />
      <main className="sidepanel-main">
        {/* One boundary per view: a failing view leaves the others (and Settings) usable. */}
        <StorageErrorBoundary key={view}>
          {view === 'checklist' && <ChecklistView guide={BUILTIN_GUIDE} />}
          {view === 'studied' && <StudiedView guide={BUILTIN_GUIDE} />}
          {view === 'settings' && <SettingsView guide={BUILTIN_GUIDE} />}
        </StorageErrorBoundary>
      </main>
      <Notices />
    </div>
  );
}
