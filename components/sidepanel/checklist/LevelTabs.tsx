import { Fragment, useRef, type KeyboardEvent } from 'react';
import { isReady, levelProgress } from '@/lib/progress/progress';
import type { Guide } from '@/lib/schemas/guide';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { levelTitle } from '@/lib/ui/labels';
import type { ProgressData } from '@/lib/progress/queries';
import { Icon } from '../../shared/Icon';
import { ProgressBar } from '../../shared/ProgressBar';

export const LEVEL_PANEL_ID = 'level-panel';
export const levelTabId = (number: number) => `level-tab-${number}`;

const STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * Seven level tabs with a roving tabindex: Tab enters at the selected level, arrow keys move
 * and select. Each tab's name is exactly "Level N · Name"; its progress is its description.
 */
export function LevelTabs({
  guide,
  data,
  selected,
}: {
  guide: Guide;
  data: ProgressData;
  selected: number;
}) {
  const selectLevel = useSidepanelUi((state) => state.selectLevel);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    const next = step(index, guide.levels.length);
    selectLevel(guide.levels[next]!.number);
    tabs.current[next]?.focus();
  };

  return (
    <div className="level-tabs" role="tablist" aria-label="Levels">
      {guide.levels.map((level, index) => {
        const progress = levelProgress(level, data.saved.lookup);
        const ready = isReady(progress);
        const isCurrent = level.number === data.current.number;
        const isSelected = level.number === selected;
        const descriptionId = `${levelTabId(level.number)}-progress`;
        return (
          <Fragment key={level.id}>
            <button
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={levelTabId(level.number)}
              className="level-tab"
              aria-selected={isSelected}
              aria-controls={LEVEL_PANEL_ID}
              aria-describedby={descriptionId}
              tabIndex={isSelected ? 0 : -1}
              title={`${levelTitle(level)} — ${progress.percent}% done`}
              onClick={() => selectLevel(level.number)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {/* The tab's name is its text: "Level 1 · Protocol Explorer". */}
              <span className="level-tab-number">
                <span className="sr-only">Level </span>
                {level.number}
                {ready && <Icon name="check" size={12} />}
              </span>
              <span className="sr-only"> · </span>
              <span className="level-tab-name">{level.name}</span>
              <ProgressBar
                percent={progress.percent}
                size="thin"
                tone={ready ? 'success' : 'accent'}
              />
              {isCurrent && <span className="level-tab-current" aria-hidden="true" />}
            </button>
            {/* Outside the tab, so it describes the tab without joining its name. */}
            <span id={descriptionId} hidden>
              {progress.done} of {progress.counted} done
              {ready ? ', ready for the next level' : ''}
              {isCurrent ? ', your current level' : ''}
            </span>
          </Fragment>
        );
      })}
    </div>
  );
}
