import { useMemo, useState } from 'react';
import { itemsById } from '@/lib/guides/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import type { PageInfo, StudiedOutcome } from '@/lib/ui/types';
import { kindLabel, reasonText, SKIP_LABELS } from '@/lib/ui/labels';
import { send, type Sent } from '@/lib/ui/send';
import { Icon } from '../shared/Icon';
import { LevelBadge } from '../shared/LevelBadge';
import type { PageRef } from './ThisPage';

/** Two lines of items, the rest counted: the popup fits Chrome's 600 pixels. */
const SHOWN = 2;

interface RecognisedPageProps {
  guide: Guide;
  page: PageRef;
  info: PageInfo & { resource: NonNullable<PageInfo['resource']> };
  onChange: () => void;
}

type Done =
  | { kind: 'studied'; outcome: StudiedOutcome }
  | { kind: 'ruled-out'; undo: string }
  | { kind: 'said'; text: string };

/**
 * A known learning resource: what this page counts for and why, unless the person ruled it
 * out, and the corrections a person may make.
 */
export function RecognisedPage({ guide, page, info, onChange }: RecognisedPageProps) {
  const items = useMemo(() => itemsById(guide), [guide]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  /** Sends one choice with the buttons held, then shows what it did. */
  const act = async <R,>(sending: Promise<Sent<R>>, shown: (value: R) => Done) => {
    setBusy(true);
    const sent = await sending;
    setBusy(false);
    if (!sent.ok) return;
    setDone(shown(sent.value));
    onChange();
  };
  const markStudied = () =>
    act(send('markStudied', page, 'mark the page studied'), (outcome) => ({
      kind: 'studied',
      outcome,
    }));
  const undo = async (token: string) => {
    const sent = await send('undo', { undo: token }, 'undo');
    if (!sent.ok) return;
    setDone({ kind: 'said', text: 'Undone: nothing was changed.' });
    onChange();
  };
  const notLearning = () =>
    act(
      send('notLearningPage', { url: page.url, tabId: page.tabId }, 'remember your choice'),
      ({ undo }) => ({ kind: 'ruled-out', undo }),
    );

  // Paused, excluded or ruled out: the page claims nothing (what it would count for included).
  const ruledOut = info.skipped !== null;
  return (
    <div className="recognised">
      <p className="resource-name">
        <Icon name="book" />
        <span>
          <strong>{info.resource.title}</strong>{' '}
          <span className="link-meta">{kindLabel(info.resource.kind)}</span>
        </span>
      </p>
      {info.skipped ? (
        <p className="status-line status-paused">
          <span className="status-dot" aria-hidden="true" />
          {SKIP_LABELS[info.skipped]}
        </p>
      ) : info.items.length === 0 ? (
        <p className="page-verdict">It counts for no single checklist item.</p>
      ) : info.studied ? (
        <p className="status-line status-on">
          <Icon name="check" size={14} /> Studied before; it counts for:
        </p>
      ) : (
        <p className="page-verdict">It counts for:</p>
      )}
      {!ruledOut && info.items.length > 0 && (
        <ul className="page-items">
          {info.items.slice(0, SHOWN).map((item) => (
            <li key={item.id} title={items.get(item.id)?.item.text}>
              <LevelBadge level={item.level} />
              <span>{item.short}</span>
              {item.done && <span className="done-mark">done</span>}
            </li>
          ))}
        </ul>
      )}
      {!ruledOut && (info.reason || info.items.length > SHOWN) && (
        <div className="more-and-why">
          {info.items.length > SHOWN && (
            <span className="hint">and {info.items.length - SHOWN} more</span>
          )}
          {info.reason && (
            <details className="why">
              <summary>Why?</summary>
              <p>{reasonText(info.reason, info.resource.title)}</p>
            </details>
          )}
        </div>
      )}
      <div className="actions">
        {info.items.length > 0 && !info.skipped && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void markStudied()}
          >
            {info.studied ? 'Studied again' : 'Mark studied'}
          </button>
        )}
        {info.skipped !== 'not-learning' && (
          <button
            type="button"
            className="btn btn-quiet"
            disabled={busy}
            onClick={() => void notLearning()}
          >
            Not a learning page
          </button>
        )}
      </div>
      <p className="field-ok" role="status">
        {done?.kind === 'said' && done.text}
        {done?.kind === 'ruled-out' && 'Got it: this page no longer counts. '}
        {done?.kind === 'ruled-out' && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => void undo(done.undo)}
          >
            Undo
          </button>
        )}
        {done?.kind === 'studied' &&
          (done.outcome.started.length > 0
            ? `Marked studied. Now learning: ${done.outcome.started.map((i) => i.short).join(', ')}. `
            : 'Marked studied. ')}
        {done?.kind === 'studied' && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => void undo(done.outcome.undo)}
          >
            Undo
          </button>
        )}
      </p>
    </div>
  );
}
