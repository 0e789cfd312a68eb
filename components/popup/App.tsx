import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { useActiveTab } from '@/lib/ui/active-tab';
import { Notices } from '../shared/Notices';
import { StorageErrorBoundary } from '../shared/StorageErrorBoundary';
import { LevelSummary } from './LevelSummary';
import { OpenSidePanelButton } from './OpenSidePanelButton';
import { QuickCheckoffs } from './QuickCheckoffs';
import { ThisPage } from './ThisPage';
import './popup.css';

export function App() {
  const tab = useActiveTab();
  return (
    <div className="popup">
      <header className="popup-header">
        <img className="brand-icon" src="/icon.svg" alt="" width="20" height="20" />
        <h1>Levelmate</h1>
        <span className="popup-guide">{BUILTIN_GUIDE.title}</span>
      </header>
      <main className="popup-main">
        <StorageErrorBoundary compact>
          <LevelSummary guide={BUILTIN_GUIDE} />
        </StorageErrorBoundary>
        <StorageErrorBoundary>
          <ThisPage guide={BUILTIN_GUIDE} tab={tab} />
        </StorageErrorBoundary>
        <StorageErrorBoundary>
          <QuickCheckoffs guide={BUILTIN_GUIDE} />
        </StorageErrorBoundary>
      </main>
      <footer className="popup-footer">
        <OpenSidePanelButton windowId={tab.kind === 'ready' ? tab.tab.windowId : undefined} />
      </footer>
      <Notices />
    </div>
  );
}
