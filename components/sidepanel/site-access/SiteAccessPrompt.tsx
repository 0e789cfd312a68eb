import { useMemo, useState } from 'react';
import { LEARNING_SITE_GROUPS } from '@/lib/builtin/learning-sites';
import { ANY_SITE_ORIGINS } from '@/lib/schemas/constants';
import { send } from '@/lib/ui/send';
import { declineSites, requestSites } from '@/lib/site-access/site-access-queries';
import {
  useRecognitionOff,
  useSiteAccess,
  type SiteAccess,
} from '@/lib/site-access/use-site-access';
import { useSettings } from '@/lib/progress/queries';
import { plural } from '@/lib/ui/labels';
import { Icon } from '../../shared/Icon';
import { RecognitionOff } from './RecognitionOff';
import { sitePrompt } from '@/lib/site-access/site-prompt';
import { defaultGroups, originsOf, SiteGroups } from './SiteGroups';

/**
 * Asks for the learning sites in words: first as part of the welcome (nothing granted yet),
 * then, after an update brings new sites, as a quiet banner. "Not now" keeps everything else
 * working and is remembered for those sites.
 */
export function SiteAccessPrompt() {
  const access = useSiteAccess();
  const off = useRecognitionOff(useSettings()?.recogniseAnySite);
  if (!access) return null;
  const prompt = sitePrompt(access);
  // "Not now" to every site: the checklist keeps saying that nothing is recorded.
  if (prompt === 'none') return off ? <RecognitionOff access={off} /> : null;
  return prompt === 'more-sites' ? <MoreSites access={access} /> : <FirstAsk access={access} />;
}

/** After an update brings new sites: a quiet banner. */
function MoreSites({ access }: { access: SiteAccess }) {
  const declined = new Set(access.declined);
  const fresh = access.missing.filter((origin) => !declined.has(origin));
  return (
    <div className="site-banner" role="status">
      <span>{plural(fresh.length, 'more learning site')} can be recognised.</span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        // First in the handler: the browser only asks during the click.
        onClick={() => void requestSites(access.missing)}
      >
        Allow
      </button>
      <button
        type="button"
        className="btn btn-small btn-quiet"
        onClick={() => void declineSites(access.missing)}
      >
        Not now
      </button>
    </div>
  );
}

/** The first run: what Levelmate reads, where, and the sites by kind to choose from. */
function FirstAsk({ access }: { access: SiteAccess }) {
  const groups = useMemo(() => {
    const missing = new Set(access.missing);
    return LEARNING_SITE_GROUPS.map((g) => ({
      ...g,
      origins: g.origins.filter((o) => missing.has(o)),
    })).filter((g) => g.origins.length > 0);
  }, [access.missing]);
  const [chosen, setChosen] = useState(() => defaultGroups(groups));
  const [choosing, setChoosing] = useState(false);
  const [anySite, setAnySite] = useState(false);
  const [refused, setRefused] = useState(false);
  const origins = originsOf(groups, chosen);

  const allow = async () => {
    // First in the handler: the browser only asks during the click.
    const granted = await requestSites(anySite ? [...origins, ...ANY_SITE_ORIGINS] : origins);
    setRefused(!granted);
    if (granted && anySite)
      await send('updateSettings', { recogniseAnySite: true }, 'turn on any-site recognition');
    // The sites left out stay out: only sites a later update adds ask again.
    if (granted) await declineSites(access.missing.filter((o) => !origins.includes(o)));
  };

  return (
    <aside className="welcome site-welcome" aria-labelledby="site-access-title">
      <Icon name="spark" size={20} />
      <div>
        <p id="site-access-title" className="welcome-title">
          Let Levelmate notice what you study
        </p>
        <p>
          On the learning sites you allow, it reads a page’s address, title, headings and
          description to tag it to your checklist, here in this browser.
        </p>
        {choosing && (
          <>
            <SiteGroups groups={groups} chosen={chosen} onChange={setChosen} />
            <label className="any-site-choice">
              <input
                type="checkbox"
                checked={anySite}
                onChange={(event) => setAnySite(event.target.checked)}
              />{' '}
              Also recognise learning pages on any other site (the browser asks to read all sites;
              Levelmate reads the same four things, and only to find learning pages)
            </label>
          </>
        )}
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={origins.length === 0 && !anySite}
            onClick={() => void allow()}
          >
            Allow on {plural(origins.length, 'learning site')}
          </button>
          {!choosing && (
            <button type="button" className="btn" onClick={() => setChoosing(true)}>
              Choose sites
            </button>
          )}
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => void declineSites(access.missing)}
          >
            Not now
          </button>
        </div>
        {refused && (
          <p className="hint" role="status">
            Nothing was allowed. The checklist works as before; you can allow the sites later in
            Settings.
          </p>
        )}
      </div>
    </aside>
  );
}
