import { useRef, useState } from 'react';
import {
  answerPlacement,
  backInPlacement,
  nextLevel,
  startPlacement,
  toggleInPlacement,
  type PlacementAnswer,
} from '@/lib/progress/placement';
import type { Guide } from '@/lib/schemas/guide';
import { useNotices } from '@/lib/stores/notices';
import { useSidepanelUi } from '@/lib/stores/sidepanel-ui';
import { focusSoon } from '@/lib/ui/focus-soon';
import { levelTitle } from '@/lib/ui/labels';
import type { ProgressData } from '@/lib/progress/queries';
import { send } from '@/lib/ui/send';

const ANSWERS: { answer: PlacementAnswer; label: string }[] = [
  { answer: 'all', label: 'I can do all of this' },
  { answer: 'most', label: 'Most of it' },
  { answer: 'some', label: 'Some of it' },
  { answer: 'little', label: 'Little of it' },
];

/**
 * Place yourself: for each level in order, the items at a glance and one question. Ends at
 * the first level the person can do only some of, marks everything answered "all" or "most"
 * done (bar the exceptions they untick), and makes that level theirs, undoable in one step.
 */
export function Placement({ guide, data }: { guide: Guide; data: ProgressData }) {
  const close = useSidepanelUi((ui) => ui.closePlacement);
  const selectLevel = useSidepanelUi((ui) => ui.selectLevel);
  const offerUndo = useNotices((notices) => notices.offerUndo);
  const [walk, setWalk] = useState(startPlacement);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const level = guide.levels[walk.index]!;

  const finish = async (placedAt: number, done: ReadonlySet<string>) => {
    setSaving(true);
    const changes = [...done]
      .filter((id) => data.saved.lookup(id) !== 'done')
      .map((itemId) => ({ itemId, state: 'done' as const }));
    const before =
      changes.length > 0
        ? await send(
            'setItemStates',
            // Known before Levelmate: marked placed, their reviews spread over the weeks.
            { guideId: guide.id, changes, placed: true },
            'save your placement',
          )
        : { ok: true as const, value: [] };
    const previousLevel = data.settings.currentLevels[guide.id] ?? null;
    const placed = before.ok
      ? await send('setCurrentLevel', { guideId: guide.id, level: placedAt }, 'set your level')
      : before;
    setSaving(false);
    if (!placed.ok || !before.ok) return;
    close();
    selectLevel(placedAt);
    const reviews =
      changes.length > 0 ? ` They come back for review a few a day from next week.` : '';
    offerUndo(
      `Placed at Level ${placedAt}; ${changes.length} items marked done.${reviews}`,
      async () => {
        if (before.value.length > 0)
          await send('setItemStates', { guideId: guide.id, changes: before.value }, 'undo');
        await send('setCurrentLevel', { guideId: guide.id, level: previousLevel }, 'undo');
      },
    );
  };

  const answer = (choice: PlacementAnswer) => {
    const next = answerPlacement(walk, guide.levels, choice);
    if (next.placedAt !== null) void finish(next.placedAt, next.done);
    else setWalk(next);
    focusSoon(() => heading.current);
  };

  const carryOn = () => {
    const next = nextLevel(walk, guide.levels);
    if (next.placedAt !== null) void finish(next.placedAt, next.done);
    else setWalk(next);
    focusSoon(() => heading.current);
  };

  return (
    <section className="card placement" aria-labelledby="placement-heading">
      <p className="eyebrow">
        Place yourself · level {walk.index + 1} of {guide.levels.length}
      </p>
      <h2 id="placement-heading" ref={heading} tabIndex={-1}>
        {levelTitle(level)}
      </h2>
      <p className="hint">{level.summary}</p>
      {walk.reviewing ? (
        <>
          <p>Untick what you cannot do yet; the rest is marked done.</p>
          <ul className="placement-items">
            {level.items.map((item) => (
              <li key={item.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={walk.done.has(item.id)}
                    onChange={() => setWalk(toggleInPlacement(walk, item.id))}
                  />{' '}
                  <span title={item.text}>{item.short}</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={saving} onClick={carryOn}>
              Continue
            </button>
          </div>
        </>
      ) : (
        <>
          <ul className="placement-glance">
            {level.items.map((item) => (
              <li key={item.id} title={item.text}>
                {item.short}
              </li>
            ))}
          </ul>
          <p>How much of this can you do today?</p>
          <div className="actions placement-answers">
            {ANSWERS.map(({ answer: choice, label }) => (
              <button
                key={choice}
                type="button"
                className={choice === 'all' ? 'btn btn-primary' : 'btn'}
                disabled={saving}
                onClick={() => answer(choice)}
              >
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      <div className="actions">
        {(walk.index > 0 || walk.reviewing) && (
          <button
            type="button"
            className="btn btn-quiet btn-small"
            disabled={saving}
            onClick={() => {
              setWalk(backInPlacement(walk));
              focusSoon(() => heading.current);
            }}
          >
            Back
          </button>
        )}
        <button type="button" className="btn btn-quiet btn-small" onClick={close}>
          Skip placement
        </button>
      </div>
    </section>
  );
}
