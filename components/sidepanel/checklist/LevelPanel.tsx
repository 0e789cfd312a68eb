import { isReady, levelProgress } from '@/lib/progress/progress';
import type { Guide, Level } from '@/lib/schemas/guide';
import { useSidepanelUi, type ChecklistFilter } from '@/lib/stores/sidepanel-ui';
import { dreyfusLabel, levelTitle } from '@/lib/ui/labels';
import type { ProgressData } from '@/lib/progress/queries';
import { focusSoon } from '@/lib/ui/focus-soon';
import { send } from '@/lib/ui/send';
import { ProgressBar } from '../../shared/ProgressBar';
import { FilterBar, matchesFilter } from './FilterBar';
import { MarkDone } from './MarkDone';
import { LEVEL_PANEL_ID, levelTabId } from './LevelTabs';
import { References } from './References';
import { TopicGroups } from './TopicGroups';
import { WhatComesNext } from './WhatComesNext';
import { LEVEL_HEADING_ID } from './level-heading';

function LevelIntro({ guide, level, data }: { guide: Guide; level: Level; data: ProgressData }) {
  const progress = levelProgress(level, data.saved.lookup);
  const isCurrent = level.number === data.current.number;
  const counts = [
    `${progress.done} of ${progress.counted} done`,
    progress.learning > 0 && `${progress.learning} learning`,
    progress.skipped > 0 && `${progress.skipped} skipped`,
  ].filter(Boolean);

  const makeCurrent = async () => {
    const sent = await send(
      'setCurrentLevel',
      { guideId: guide.id, level: level.number },
      'change your level',
    );
    // The button gives way to a badge; the heading keeps the keyboard user's place.
    if (sent.ok) focusSoon(() => document.getElementById(LEVEL_HEADING_ID));
  };

  return (
    <div className="level-intro">
      <p className="eyebrow">
        {dreyfusLabel(level.dreyfusStage)} · SFIA level {level.sfiaLevel}
      </p>
      <div className="level-heading-row">
        <h2 id={LEVEL_HEADING_ID} tabIndex={-1}>
          {levelTitle(level)}
        </h2>
        {isCurrent ? (
          <span className="badge badge-accent">
            {data.current.chosen ? 'Your level' : 'Suggested'}
          </span>
        ) : (
          <button
            type="button"
            className="btn btn-quiet btn-small"
            onClick={() => void makeCurrent()}
          >
            Make this my level
          </button>
        )}
      </div>
      <div className="level-progress">
        <ProgressBar
          percent={progress.percent}
          tone={isReady(progress) ? 'success' : 'accent'}
          label={`${levelTitle(level)} progress`}
          valueText={counts.join(', ')}
        />
        <p className="level-progress-text">
          {counts.join(' · ')} <span className="level-progress-percent">{progress.percent}%</span>
        </p>
      </div>
      <details className="about-level">
        <summary>About this level</summary>
        <p>{level.summary}</p>
      </details>
    </div>
  );
}

export function LevelPanel({
  guide,
  level,
  data,
}: {
  guide: Guide;
  level: Level;
  data: ProgressData;
}) {
  const filter = useSidepanelUi((state) => state.filter);
  const items = level.items.filter((item) => matchesFilter(filter, data.saved.lookup(item.id)));
  return (
    <section
      className="level-panel"
      role="tabpanel"
      id={LEVEL_PANEL_ID}
      aria-labelledby={levelTabId(level.number)}
    >
      <LevelIntro guide={guide} level={level} data={data} />
      <div className="filter-row">
        <FilterBar items={level.items} lookup={data.saved.lookup} />
        <MarkDone
          guideId={guide.id}
          items={level.items}
          saved={data.saved}
          label="Mark level done"
          said={`${levelTitle(level)} marked done`}
        />
      </div>
      <TopicGroups
        guideId={guide.id}
        items={items}
        saved={data.saved}
        emptyText={emptyText(filter)}
      />
      <WhatComesNext guide={guide} level={level} data={data} />
      <References guide={guide} level={level} />
    </section>
  );
}

function emptyText(filter: ChecklistFilter): string {
  if (filter === 'done')
    return 'Nothing is done on this level yet. Tick an item as soon as you can do it.';
  if (filter === 'open') return 'Nothing open here: every item is done or skipped.';
  return 'This level has no items.';
}
