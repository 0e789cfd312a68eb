import { useEffect } from 'react';
import { useNotices } from '@/lib/stores/notices';
import { Icon } from './Icon';

/** How long an Undo stays offered. */
const UNDO_FOR_MS = 12_000;

/**
 * Errors from writes, shown until dismissed; the last change that can be undone, with its
 * Undo; and a polite live region for announcements.
 */
export function Notices() {
  const { announcement, errors, dismiss, undoable, clearUndo } = useNotices();
  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(clearUndo, UNDO_FOR_MS);
    return () => clearTimeout(timer);
  }, [undoable, clearUndo]);
  return (
    <>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="notices" role="alert">
        {errors.map((error) => (
          <div key={error.id} className="notice notice-error">
            <Icon name="alert" />
            <p>{error.text}</p>
            <button
              type="button"
              className="icon-btn"
              aria-label="Dismiss"
              onClick={() => dismiss(error.id)}
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
      </div>
      {undoable && (
        <div className="notices notices-undo">
          <div className="notice notice-undo">
            <p>{undoable.text}</p>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                clearUndo();
                void undoable.undo();
              }}
            >
              Undo
            </button>
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={clearUndo}>
              <Icon name="close" />
            </button>
          </div>
        </div>
      )}
    </>
  );
}
