import { useId, useRef, useState } from 'react';
import { MAX_BACKUP_BYTES } from '@/lib/schemas/constants';
import { formatBytes } from '@/lib/backup/backup-file-effects';
import { plural } from '@/lib/ui/labels';
import { focusSoon } from '@/lib/ui/focus-soon';
import { describeFailure, request } from '@/lib/ui/send';
import { ConfirmQuestion } from '../../shared/ConfirmQuestion';
import { Segmented } from '../../shared/Segmented';

type Mode = 'merge' | 'replace';

type Step =
  | { kind: 'idle' }
  | { kind: 'chosen'; file: File }
  | { kind: 'confirm-replace'; file: File }
  /** The backup holds less progress than this browser: asked again, with the numbers. */
  | { kind: 'confirm-fewer'; file: File; now: number; after: number }
  | { kind: 'importing'; file: File }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string; details?: string };

const MODES = [
  { value: 'merge', label: 'Merge' },
  { value: 'replace', label: 'Replace' },
] as const;

/**
 * Choose a file, choose how to import it, confirm a replace, then see what was imported or,
 * in words, why not. The background validates every row before writing any.
 */
export function ImportBackup() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const reset = () => {
    if (input.current) input.current.value = '';
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      reset();
      setStep({
        kind: 'failed',
        text: `“${file.name}” is ${formatBytes(file.size)}; a Levelmate backup is at most ${formatBytes(MAX_BACKUP_BYTES)}. Is it the right file?`,
      });
      return;
    }
    setStep({ kind: 'chosen', file });
  };

  const runImport = async (file: File, acceptFewer = false) => {
    setStep({ kind: 'importing', file });
    try {
      const text = await file.text();
      const outcome = await request('importBackup', { text, mode, acceptFewer });
      if (outcome.kind === 'confirm-fewer') {
        setStep({ kind: 'confirm-fewer', file, now: outcome.now, after: outcome.after });
        return;
      }
      if (outcome.kind === 'refused') {
        setStep({
          kind: 'failed',
          text: `${outcome.reason} Nothing was changed.`,
          details: outcome.details,
        });
      } else {
        const what = `${plural(outcome.itemStates, 'item state')} and ${plural(outcome.visits, 'studied page')}`;
        const nothingNew = outcome.itemStates === 0 && outcome.visits === 0;
        setStep({
          kind: 'done',
          text:
            outcome.mode === 'replace'
              ? `Replaced your data with the backup: ${what}.`
              : nothingNew
                ? 'Merged the backup: this browser already had everything in it.'
                : `Merged the backup: ${what} new or changed here.`,
        });
      }
      reset();
    } catch (error) {
      reset();
      setStep({
        kind: 'failed',
        text: `${describeFailure('import the backup', error)} Nothing was changed.`,
      });
    }
    // The options and their buttons are gone: the outcome is where the keyboard user lands.
    focusSoon(() => outcome.current);
  };

  const file = 'file' in step ? step.file : undefined;
  return (
    <div className="import">
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        className="file-input"
        onChange={(event) => choose(event.target.files?.[0])}
      />
      <label htmlFor={`${id}-file`} className="btn file-button">
        Import backup
      </label>

      {file && step.kind !== 'importing' && (
        <div className="import-options">
          <p className="import-file">
            {file.name} <span className="link-meta">{formatBytes(file.size)}</span>
          </p>
          <Segmented legend="How to import" options={MODES} value={mode} onChange={setMode} />
          <p className="hint">
            {mode === 'merge'
              ? 'Keeps what is here and adds the backup: for each item the newer state wins, and missing studied pages are added.'
              : 'Makes Levelmate exactly the backup: your current progress, notes and studied pages are deleted.'}
          </p>
          {step.kind === 'confirm-replace' || step.kind === 'confirm-fewer' ? (
            <ConfirmQuestion
              question={
                step.kind === 'confirm-fewer'
                  ? `“${file.name}” holds progress on ${plural(step.after, 'item')}; you have progress on ${plural(step.now, 'item')} now. Replacing loses the difference. Replace anyway?`
                  : `Replace everything with “${file.name}”? This cannot be undone; export a backup first if you are unsure.`
              }
              confirmLabel={
                step.kind === 'confirm-fewer' ? 'Replace and lose progress' : 'Replace everything'
              }
              onConfirm={() => void runImport(file, step.kind === 'confirm-fewer')}
              onCancel={() => setStep({ kind: 'chosen', file })}
              returnFocus={() => importButton.current}
            />
          ) : (
            <div className="actions">
              <button
                ref={importButton}
                type="button"
                className="btn btn-primary"
                onClick={() =>
                  mode === 'replace'
                    ? setStep({ kind: 'confirm-replace', file })
                    : void runImport(file)
                }
              >
                Import
              </button>
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => {
                  reset();
                  setStep({ kind: 'idle' });
                }}
              >
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
      <p
        ref={outcome}
        tabIndex={-1}
        className={step.kind === 'failed' ? 'field-error' : 'field-ok'}
        role="status"
      >
        {step.kind === 'importing' && `Importing ${step.file.name}…`}
        {(step.kind === 'done' || step.kind === 'failed') && step.text}
      </p>
      {step.kind === 'failed' && step.details && (
        <details className="import-details">
          <summary>Details</summary>
          <pre>{step.details}</pre>
        </details>
      )}
    </div>
  );
}
