import { levelByNumber } from '@/lib/guides/guide-model';
import { isReady, levelProgress } from '@/lib/progress/progress';
import type { Guide } from '@/lib/schemas/guide';
import { levelTitle } from '@/lib/ui/labels';
import { useProgressData } from '@/lib/progress/queries';
import { ProgressRing } from '../shared/ProgressRing';

/** The person's level at a glance: a ring and what it stands for. */
export function LevelSummary({ guide }: { guide: Guide }) {
  const data = useProgressData(guide);
  if (!data) return <div className="level-summary level-summary-loading" aria-hidden="true" />;
  const level = levelByNumber(guide, data.current.number) ?? guide.levels[0]!;
  const progress = levelProgress(level, data.saved.lookup);
  const next = levelByNumber(guide, level.number + 1);
  const done = `${progress.done} of ${progress.counted} done`;
  return (
    <section className="level-summary" aria-label="Your level">
      <ProgressRing
        percent={progress.percent}
        label={`${levelTitle(level)} progress`}
        valueText={done}
      />
      <div className="level-summary-text">
        <p className="level-summary-name">{levelTitle(level)}</p>
        <p className="hint">
          {done}
          {progress.learning > 0 && ` · ${progress.learning} learning`} ·{' '}
          {data.current.chosen ? 'your level' : 'suggested level'}
        </p>
        {isReady(progress) && next && <p className="ready-text">Ready for Level {next.number}</p>}
      </div>
    </section>
  );
}
