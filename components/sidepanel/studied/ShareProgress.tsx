import { useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { reportCsv, reportHtml, reportMarkdown, buildReport } from '@/lib/report/report';
import type { Guide } from '@/lib/schemas/guide';
import { downloadText } from '@/lib/backup/backup-file-effects';
import { cardPng, drawProgressCard } from '@/lib/report/progress-card-effects';
import { cardContent, reportInput } from '@/lib/report/report-queries';
import { describeFailure } from '@/lib/ui/send';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'said'; text: string; error?: boolean };

const dated = (name: string, ext: string) =>
  `levelmate-${name}-${new Date().toISOString().slice(0, 10)}.${ext}`;

/**
 * Share progress with a mentor: a report (Markdown, a printable page, a CSV) and a picture of
 * the level and progress to paste anywhere. Notes are left out unless the person includes them.
 */
export function ShareProgress({ guide }: { guide: Guide }) {
  const id = useId();
  const [notes, setNotes] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [card, setCard] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const preview = useRef<HTMLDivElement>(null);

  const act = async (what: string, run: () => Promise<string>) => {
    setStatus({ kind: 'busy' });
    try {
      setStatus({ kind: 'said', text: await run() });
    } catch (error) {
      setStatus({ kind: 'said', text: describeFailure(what, error), error: true });
    }
  };
  const markdown = () =>
    act('make the report', async () => {
      const name = dated('progress', 'md');
      downloadText(
        reportMarkdown(buildReport(await reportInput(guide, notes))),
        name,
        'text/markdown',
      );
      return `Saved ${name}.`;
    });
  const printable = () =>
    act('open the printable report', async () => {
      const page = reportHtml(
        buildReport(await reportInput(guide, notes)),
        browser.runtime.getURL('/report-print.js' as '/'),
      );
      const url = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return 'Opened the report in a new tab: print it or save it as PDF from there.';
    });
  const table = () =>
    act('make the CSV', async () => {
      const name = dated('progress', 'csv');
      downloadText(reportCsv(await reportInput(guide, notes)), name, 'text/csv');
      return `Saved ${name}.`;
    });
  const showCard = () =>
    act('draw the progress card', async () => {
      drawProgressCard(canvas.current!, await cardContent(guide));
      setCard(canvas.current!.toDataURL('image/png'));
      return 'Here is your progress card. Save it, or copy the picture from the preview.';
    });
  const saveCard = () =>
    act('save the progress card', async () => {
      const name = dated('progress-card', 'png');
      downloadText(await cardPng(canvas.current!), name);
      return `Saved ${name}.`;
    });
  useEffect(() => {
    if (card) preview.current?.focus();
  }, [card]);

  const busy = status.kind === 'busy';
  return (
    <section className="card share" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Progress report</h2>
      <p className="hint">
        Your level, each level’s progress, what is done and being learned, and what you studied for
        each item: for a mentor, a review or yourself.
      </p>
      <label className="check-row">
        <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />{' '}
        Include my notes
      </label>
      <div className="actions share-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void markdown()}>
          Download report
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void printable()}>
          Printable page
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void table()}>
          CSV
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void showCard()}>
          Progress card
        </button>
      </div>
      <canvas ref={canvas} hidden />
      {card && (
        <div
          ref={preview}
          className="card-preview"
          role="group"
          aria-label="Progress card preview"
          tabIndex={-1}
        >
          <img
            src={card}
            alt="Your progress card: your level, each level’s progress and your study streak"
          />
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => void saveCard()}>
              Save image
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setCard(null)}>
              Close
            </button>
          </div>
        </div>
      )}
      <p
        className={status.kind === 'said' && status.error ? 'field-error' : 'field-ok'}
        role="status"
      >
        {status.kind === 'said' && status.text}
      </p>
    </section>
  );
}
