import { useMemo, useState } from 'react';
import { itemsById } from '@/lib/domain/guide-model';
import type { Guide } from '@/lib/schemas/guide';
import type { PageInfo } from '@/lib/services/protocol';
import { kindLabel } from '@/lib/ui/labels';
import { send } from '@/lib/ui/send';
import { Icon } from '../shared/Icon';
import { LevelBadge } from '../shared/LevelBadge';
import type { PageRef } from './ThisPage';

const SHOWN = 3;

interface RecognisedPageProps {
  guide: Guide;
  page: PageRef;
  info: PageInfo & { resource: NonNullable<PageInfo['resource']> };
  onChange: () => void;
}

/** A known learning resource: what it counts for, and the two corrections a person may make. */
export function RecognisedPage({ guide, page, info, onChange }: RecognisedPageProps) {
  const items = useMemo(() => itemsById(guide), [guide]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const act = async (run: () => ReturnType<typeof send>, message: string) => {
    setBusy(true);
    const sent = await run();
    setBusy(false);
    if (!sent.ok) return;
    setDone(message);
    onChange();
  };

  const counted = info.items.flatMap(({ id, level }) => {
    const located = items.get(id);
    return located ? [{ id, level, text: located.item.text }] : [];
  });

  return (
    <div className="recognised">
      <p className="resource-name">
        <Icon name="book" />
        <span>
          <strong>{info.resource.title}</strong>{' '}
          <span className="link-meta">{kindLabel(info.resource.kind)}</span>
        </span>
      </p>
      {info.notLearning ? (
        <p className="status-line status-paused">
          You marked this as not a learning page; it is not recorded.
        </p>
      ) : info.studied ? (
        <p className="status-line status-on">
          <Icon name="check" size={14} /> Studied. It counts for:
        </p>
      ) : (
        <p className="page-verdict">It counts for:</p>
      )}
      {counted.length > 0 && (
        <ul className="page-items">
          {counted.slice(0, SHOWN).map((item) => (
            <li key={item.id}>
              <LevelBadge level={item.level} />
              <span>{item.text}</span>
            </li>
          ))}
          {counted.length > SHOWN && <li className="hint">and {counted.length - SHOWN} more</li>}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() =>
            void act(() => send('markStudied', page, 'mark the page studied'), 'Marked as studied.')
          }
        >
          Mark studied
        </button>
        {!info.notLearning && (
          <button
            type="button"
            className="btn btn-quiet"
            disabled={busy}
            onClick={() =>
              void act(
                () => send('notLearningPage', { url: page.url }, 'remember your choice'),
                'Got it: Levelmate will not record this page.',
              )
            }
          >
            Not a learning page
          </button>
        )}
      </div>
      <p className="field-ok" role="status">
        {done}
      </p>
    </div>
  );
}
