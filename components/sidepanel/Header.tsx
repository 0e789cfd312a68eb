import { guideProgress } from '@/lib/progress/progress';
import { levelByNumber } from '@/lib/guides/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import { levelTitle } from '@/lib/ui/labels';
import { useProgressData } from '@/lib/progress/queries';
import { PausedBanner } from '../shared/PausedBanner';
import { SyncRemovedBanner } from './SyncRemovedBanner';
import { ProgressBar } from '../shared/ProgressBar';
import { StorageErrorBoundary } from '../shared/StorageErrorBoundary';
import { ViewNav } from './ViewNav';

/** The guide, how far the person has come through it, and their level. */
function GuideStatus({ guide }: { guide: Guide }) {
  const data = useProgressData(guide);
  if (!data) return <div className="guide-status guide-status-loading" aria-hidden="true" />;
  const overall = guideProgress(guide.levels, data.saved.lookup);
  const current = levelByNumber(guide, data.current.number);
  return (
    <div className="guide-status">
      <p className="current-level">
        <span className="eyebrow">{data.current.chosen ? 'Your level' : 'Suggested level'}</span>
        <span className="current-level-name">
          {current ? levelTitle(current) : `Level ${data.current.number}`}
        </span>
      </p>
      <div className="overall">
        <ProgressBar
          percent={overall.percent}
          label="Progress through the guide"
          valueText={`${overall.done} of ${overall.counted} items done`}
        />
        <span className="overall-text">
          {overall.done}/{overall.counted} · {overall.percent}%
        </span>
      </div>
    </div>
  );
}

export function Header({ guide }: { guide: Guide }) {
  return (
    <header className="app-header">
      <div className="brand-row">
        <img className="brand-icon" src="/icon.svg" alt="" width="20" height="20" />
        <h1>{guide.title}</h1>
        <span className="brand-name">Levelmate</span>
      </div>
      <StorageErrorBoundary compact>
        <GuideStatus guide={guide} />
        <PausedBanner />
        <SyncRemovedBanner />
      </StorageErrorBoundary>
      <ViewNav />
    </header>
  );
}
