import { useId, useRef, useState, type FormEvent } from 'react';
import { siteFromInput } from '@/lib/web/url';
import { plural } from '@/lib/ui/labels';
import { focusSoon } from '@/lib/ui/focus-soon';
import { send } from '@/lib/ui/send';
import { ConfirmQuestion } from '../../shared/ConfirmQuestion';
import { SiteForm } from './SiteForm';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm'; site: string }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** Forgets every studied page from one site (and its subdomains), after asking. */
export function DeleteSiteVisits() {
  const id = useId();
  const [input, setInput] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    const site = siteFromInput(input);
    setStep(
      site
        ? { kind: 'confirm', site }
        : {
            kind: 'error',
            text: `“${input.trim()}” is not a site name. Type one like example.com.`,
          },
    );
  };

  const remove = async (site: string) => {
    const sent = await send('deleteSiteVisits', { site }, 'delete the visits');
    if (!sent.ok) {
      setStep({ kind: 'idle' });
      return;
    }
    setInput('');
    setStep({ kind: 'done', text: `Deleted ${plural(sent.value, 'studied page')} from ${site}.` });
    // The question and its buttons are gone; the field keeps the keyboard user's place.
    focusSoon(() => field.current);
  };

  return (
    <div className="subsection">
      <h3>Delete a site’s visits</h3>
      <SiteForm
        label="Site whose visits to delete"
        placeholder="example.com"
        submitLabel="Delete visits"
        value={input}
        onChange={setInput}
        onSubmit={ask}
        invalid={step.kind === 'error'}
        describedBy={`${id}-status`}
        fieldRef={field}
      />
      {step.kind === 'confirm' && (
        <ConfirmQuestion
          question={`Delete every studied page from ${step.site} and its subdomains? Your checklist is not affected. This cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() => void remove(step.site)}
          onCancel={() => setStep({ kind: 'idle' })}
          returnFocus={() => field.current}
        />
      )}
      <p
        id={`${id}-status`}
        className={step.kind === 'error' ? 'field-error' : 'field-ok'}
        role="status"
      >
        {(step.kind === 'done' || step.kind === 'error') && step.text}
      </p>
    </div>
  );
}
