import { useRef, useState } from 'react';
import { useExportBackup } from '@/lib/backup/use-export-backup';
import { focusSoon } from '@/lib/ui/focus-soon';
import { send } from '@/lib/ui/send';
import { ConfirmQuestion } from '../../shared/ConfirmQuestion';

type Step = 'idle' | 'confirm' | 'deleting' | 'deleted';

/**
 * Deletes every bit of Levelmate's data in this browser, after a question that offers a
 * backup first. Afterwards Levelmate is as on the day it was installed.
 */
export function DeleteEverything() {
  const [step, setStep] = useState<Step>('idle');
  const exported = useExportBackup();
  const outcome = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const erase = async () => {
    setStep('deleting');
    const sent = await send('deleteEverything', {}, 'delete your data');
    setStep(sent.ok ? 'deleted' : 'confirm');
    if (sent.ok) focusSoon(() => outcome.current);
  };

  return (
    <section className="card settings-section" aria-labelledby="delete-all-heading">
      <h2 id="delete-all-heading">Delete everything</h2>
      <p className="hint">
        Removes your progress, notes, studied pages and settings from this browser, and turns sync
        off here. Your other browsers keep their copy of your progress.
      </p>
      {step === 'confirm' || step === 'deleting' ? (
        <ConfirmQuestion
          question="Delete everything Levelmate holds in this browser? This cannot be undone. Export a backup first to keep a copy."
          confirmLabel="Delete everything"
          confirmDisabled={step === 'deleting'}
          onConfirm={() => void erase()}
          onCancel={() => setStep('idle')}
          returnFocus={() => opener.current}
          before={
            <button
              type="button"
              className="btn"
              disabled={exported.status.kind === 'busy'}
              onClick={() => void exported.run()}
            >
              Export a backup first
            </button>
          }
        >
          <p
            className={exported.status.kind === 'failed' ? 'field-error' : 'field-ok'}
            role="status"
          >
            {(exported.status.kind === 'done' || exported.status.kind === 'failed') &&
              exported.status.text}
          </p>
        </ConfirmQuestion>
      ) : (
        <div className="actions">
          <button
            ref={opener}
            type="button"
            className="btn btn-danger"
            onClick={() => setStep('confirm')}
          >
            Delete everything…
          </button>
        </div>
      )}
      <p ref={outcome} tabIndex={-1} className="field-ok" role="status">
        {step === 'deleted' && 'Deleted. Levelmate is as on the day you installed it.'}
      </p>
    </section>
  );
}
