import { levelByNumber } from '@/lib/guides/guide-model';
import { isReady, levelProgress, type Progress } from '@/lib/progress/progress';
import type { Guide, Level } from '@/lib/schemas/guide';
import { useNotices } from '@/lib/stores/notices';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { levelTitle, plural } from '@/lib/ui/labels';
import type { ProgressData } from '@/lib/progress/queries';
import { focusSoon } from '@/lib/ui/focus-soon';
import { send } from '@/lib/ui/send';
import { ProgressBar } from '../../shared/ProgressBar';
import { levelTabId } from './LevelTabs';

/** Items still to tick before the level counts as ready (the same rule as isReady). */
function itemsToReady(progress: Progress): number {
  for (let done = progress.done; done <= progress.counted; done++) {
    if (isReady({ ...progress, done })) return done - progress.done;
  }
  return 0;
}

export function WhatComesNext({
  guide,
  level,
  data,
}: {
  guide: Guide;
  level: Level;
  data: ProgressData;
}) {
  const selectLevel = useSidepanelUi((state) => state.selectLevel);
  const announce = useNotices((notices) => notices.announce);
  const progress = levelProgress(level, data.saved.lookup);
  const ready = isReady(progress);
  const next = levelByNumber(guide, level.number + 1);
  const missing = itemsToReady(progress);
  const { current } = data;
  // Offer a step up, never a step down from a level the person chose.
  const canAdvance =
    next !== undefined &&
    (next.number > current.number || (next.number === current.number && !current.chosen));

  const makeCurrent = async (target: Level) => {
    const sent = await send(
      'setCurrentLevel',
      { guideId: guide.id, level: target.number },
      'change your level',
    );
    if (!sent.ok) return;
    selectLevel(target.number);
    focusSoon(() => document.getElementById(levelTabId(target.number)));
    announce(`${levelTitle(target)} is now your level.`);
  };

  return (
    <section className="card next" aria-labelledby="next-heading">
      <h3 id="next-heading">What comes next</h3>
      <p>{level.whatComesNext}</p>
      <div className="readiness">
        <ProgressBar
          percent={progress.percent}
          tone={ready ? 'success' : 'accent'}
          label={next ? `Readiness for ${levelTitle(next)}` : 'Mastery of the last level'}
          valueText={`${progress.percent}% done; 80% means ready`}
        />
        <span className="readiness-mark" aria-hidden="true" title="80%: ready for the next level" />
      </div>
      {ready ? (
        <div className="ready">
          <p className="ready-text">
            {next
              ? `You’re ready for ${levelTitle(next)}.`
              : 'You’ve reached the top of this guide. Keep going: teach, write and shape the field.'}
          </p>
          {next &&
            (canAdvance ? (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void makeCurrent(next)}
              >
                Make Level {next.number} my level
              </button>
            ) : (
              <p className="hint">
                {current.number === next.number
                  ? 'It is already your level.'
                  : `You are at Level ${current.number} already.`}
              </p>
            ))}
        </div>
      ) : next ? (
        <p className="hint">
          {plural(missing, 'more item')} to tick before you are ready for Level {next.number} (80%
          of this level’s items, skipped ones not counted).
        </p>
      ) : (
        <p className="hint">
          This is the guide’s last level: there is no level after it. {plural(missing, 'more item')}{' '}
          to tick to master it (80% of its items, skipped ones not counted).
        </p>
      )}
    </section>
  );
}
