import { LIMITS } from '@/lib/schemas/constants';
import { useEffect, useId, useRef, useState } from 'react';
import { describeFailure, request } from '@/lib/ui/send';
import { useSyncStatus } from '@/lib/sync/use-sync-status';

/** Long enough to batch a burst of typing, short enough that closing the panel loses nothing. */
export const NOTE_SAVE_DELAY_MS = 400;

type SaveStatus =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

interface NoteEditorProps {
  guideId: string;
  itemId: string;
  /** The note as stored; adopted when it changes elsewhere (the other window, an import). */
  savedNote: string;
}

/**
 * A note saved as it is typed: after a pause in typing, and at once when the field loses
 * focus or the editor closes, so nothing typed is lost.
 */
export function NoteEditor({ guideId, itemId, savedNote }: NoteEditorProps) {
  const id = useId();
  const [text, setText] = useState(savedNote);
  const [lastStored, setLastStored] = useState(savedNote);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const pending = useRef<string | null>(null);
  /** The stored note this editor's edits start from: a save merges with what changed since. */
  const [baseNote, setBaseNote] = useState(savedNote);
  const base = useRef(savedNote);
  useEffect(() => {
    base.current = baseNote;
  }, [baseNote]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = useRef({ guideId, itemId });
  const staysHere = useSyncStatus()?.localNotes.includes(itemId) ?? false;

  // Another window (or an import) changed the stored note: show it unless typing is unsaved.
  if (savedNote !== lastStored) {
    setLastStored(savedNote);
    if (status.kind !== 'saving' && text === lastStored) {
      setText(savedNote);
      setBaseNote(savedNote);
    }
  }

  const save = async () => {
    clearTimeout(timer.current);
    const note = pending.current;
    if (note === null) return;
    pending.current = null;
    setStatus({ kind: 'saving' });
    try {
      const saved = await request('setNote', { ...key.current, note, base: base.current });
      // The stored note is what edits made from now on start from (another panel's text
      // merged in, if it saved meanwhile).
      base.current = saved.note;
      setBaseNote(saved.note);
      if (pending.current === null) {
        setStatus({ kind: 'saved' });
        if (saved.note !== note) setText(saved.note);
      }
    } catch (error) {
      // Keep the text waiting, so leaving the field or closing the editor tries again.
      pending.current ??= note;
      setStatus({ kind: 'failed', message: describeFailure('save the note', error) });
    }
  };

  // Closing the details, the panel or the window saves what is still waiting. A closing page
  // does not unmount its components, so the page's own last events send it too: the message
  // leaves at once, before the page is gone.
  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current);
      if (pending.current === null) return;
      const note = pending.current;
      pending.current = null;
      // The page is closing: nobody is left to tell, so a failure is only logged (the text is
      // saved again from the field if the page stays).
      request('setNote', { ...key.current, note, base: base.current }).catch((error: unknown) => {
        pending.current ??= note;
        console.warn('Levelmate could not save the note:', (error as Error).message);
      });
    };
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, []);

  return (
    <div className="note">
      <div className="note-head">
        <label htmlFor={`${id}-note`} className="field-label">
          Note
        </label>
        <span className={`note-status note-status-${status.kind}`} aria-live="polite">
          {status.kind === 'saving' && 'Saving…'}
          {status.kind === 'saved' && 'Saved'}
        </span>
      </div>
      <textarea
        id={`${id}-note`}
        className="input note-input"
        rows={3}
        maxLength={LIMITS.note}
        placeholder="What you learned, what to try next, questions to ask…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          pending.current = event.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), NOTE_SAVE_DELAY_MS);
        }}
        onBlur={() => void save()}
      />
      {staysHere && (
        <p className="hint">
          This note is too long for the browser's sync storage: it stays in this browser.
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="field-error" role="alert">
          {status.message} Your text is kept here and saved again when you leave the field.
        </p>
      )}
    </div>
  );
}
