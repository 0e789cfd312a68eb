import { useId, useRef, useState, type FormEvent } from 'react';
import { siteFromInput } from '@/lib/web/url';
import { useNotices } from '@/lib/stores/notices';
import { send } from '@/lib/ui/send';
import { SiteForm } from './SiteForm';

/** Sites Levelmate never records, with their subdomains. */
export function ExcludedSites({ sites }: { sites: readonly string[] }) {
  const id = useId();
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const announce = useNotices((notices) => notices.announce);
  const field = useRef<HTMLInputElement>(null);

  const remove = async (site: string) => {
    const sent = await send('removeExcludedSite', { site }, 'remove the site');
    if (!sent.ok) return;
    announce(`${site} is no longer excluded.`);
    field.current?.focus();
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const site = siteFromInput(input);
    if (!site) {
      setError(
        `“${input.trim()}” is not a site name. Type one like example.com, or paste a page address.`,
      );
      return;
    }
    const sent = await send('addExcludedSite', { site }, 'exclude the site');
    if (!sent.ok) return;
    setInput('');
    setError(null);
    announce(`${site} is excluded.`);
  };

  return (
    <div className="subsection">
      <h3>Excluded sites</h3>
      {sites.length === 0 ? (
        <p className="hint">
          None. Exclude a site and Levelmate will never record pages from it or its subdomains.
        </p>
      ) : (
        <ul className="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span className="site-name">{site}</span>
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={`Remove ${site} from excluded sites`}
                onClick={() => void remove(site)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <SiteForm
        label="Exclude a site"
        placeholder="example.com or a page address"
        submitLabel="Exclude"
        value={input}
        onChange={setInput}
        onSubmit={(event) => void add(event)}
        invalid={error !== null}
        describedBy={error ? `${id}-error` : undefined}
        fieldRef={field}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
