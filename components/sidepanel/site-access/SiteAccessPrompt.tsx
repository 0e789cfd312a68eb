import { useState } from 'react';
import { declineSites, requestSites } from '@/lib/site-access/site-access-queries';
import { useRecognitionOff, useSiteAccess } from '@/lib/site-access/use-site-access';
import { useSettings } from '@/lib/progress/queries';
import { plural } from '@/lib/ui/labels';
import { Icon } from '../../shared/Icon';
import { RecognitionOff } from './RecognitionOff';
import { SiteList } from './SiteList';

/**
 * Asks for the learning sites in words: first as part of the welcome (nothing granted yet),
 * then, after an update brings new sites, as a quiet banner. "Not now" keeps everything else
 * working and is remembered for those sites.
 */
export function SiteAccessPrompt() {
  const access = useSiteAccess();
  const off = useRecognitionOff(useSettings()?.recogniseAnySite);
  const [refused, setRefused] = useState(false);
  if (!access || access.missing.length === 0) return null;
  const declined = new Set(access.declined);
  const fresh = access.missing.filter((origin) => !declined.has(origin));
  // "Not now" to every site: the checklist keeps saying that nothing is recorded.
  if (fresh.length === 0) return off ? <RecognitionOff access={off} /> : null;

  const allow = async () => {
    // First in the handler: the browser only asks during the click.
    const granted = await requestSites(access.missing);
    setRefused(!granted);
  };
  const notNow = () => void declineSites(access.missing);

  if (access.granted.length > 0) {
    return (
      <div className="site-banner" role="status">
        <span>{plural(fresh.length, 'more learning site')} can be recognised.</span>
        <button type="button" className="btn btn-small btn-primary" onClick={() => void allow()}>
          Allow
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={notNow}>
          Not now
        </button>
      </div>
    );
  }
  return (
    <aside className="welcome site-welcome" aria-labelledby="site-access-title">
      <Icon name="spark" size={20} />
      <div>
        <p id="site-access-title" className="welcome-title">
          Let Levelmate notice what you study
        </p>
        <p>
          Levelmate reads the title and headings of pages on these{' '}
          {plural(access.missing.length, 'learning site')} to tag them to your checklist; nothing
          leaves your computer. Your browser will ask you to confirm.
        </p>
        <SiteList origins={access.missing} />
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void allow()}>
            Allow on {plural(access.missing.length, 'learning site')}
          </button>
          <button type="button" className="btn btn-quiet" onClick={notNow}>
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
