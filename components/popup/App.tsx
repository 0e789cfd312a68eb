import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { useActiveTab } from '@/lib/ui/active-tab';
import { Notices } from '../shared/Notices';
import { PausedBanner } from '../shared/PausedBanner';
import { StorageErrorBoundary } from '../shared/StorageErrorBoundary';
import { LevelSummary } from './LevelSummary';
import { OpenSidePanelButton } from './OpenSidePanelButton';
import { QuickCheckoffs } from './QuickCheckoffs';
import { ReviewDue } from './ReviewDue';
import { ThisPage } from './ThisPage';
import './popup.css';

export function App() {
  const tab = useActiveTab();
  const windowId = tab.kind === 'ready' ? tab.tab.windowId : undefined;
  return (
    <div className="popup">
      <header className="popup-header">
        <img className="brand-icon" src="/icon.svg" alt="" width="20" height="20" />
        <h1>Levelmate</h1>
        {/* In the header, so it is never below the fold of a 600 px popup. */}
        <OpenSidePanelButton windowId={windowId} />
      </header>
      <main className="popup-main">
        <StorageErrorBoundary compact>
          <PausedBanner compact />
          <LevelSummary guide={BUILTIN_GUIDE} />
          <ReviewDue guide={BUILTIN_GUIDE} windowId={windowId} />
        </StorageErrorBoundary>
        <StorageErrorBoundary>
          <ThisPage guide={BUILTIN_GUIDE} tab={tab} />
        </StorageErrorBoundary>
        <StorageErrorBoundary>
          <QuickCheckoffs guide={BUILTIN_GUIDE} windowId={windowId} />
        </StorageErrorBoundary>
      </main>
      <Notices />
    </div>
  );
}
