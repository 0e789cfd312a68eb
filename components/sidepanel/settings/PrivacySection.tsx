import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ANY_SITE_ORIGINS } from '@/lib/schemas/constants';
import type { SettingsRecord } from '@/lib/schemas/records';
import { ONE_HOUR, pauseEnd, pauseState, UNTIL_RESUMED } from '@/lib/settings/pause';
import { setPause } from '@/lib/settings/pause-effects';
import { send } from '@/lib/ui/send';
import { useNow } from '@/lib/ui/use-now';
import { Switch } from '../../shared/Switch';
import { DeleteSiteVisits } from './DeleteSiteVisits';
import { ExcludedSites } from './ExcludedSites';

function PauseControls({ pausedUntil }: { pausedUntil: number | null }) {
  const now = useNow(15_000);
  const pause = pauseState(pausedUntil, now);

  return (
    <div className="pause">
      <p
        className={pause.paused ? 'status-line status-paused' : 'status-line status-on'}
        role="status"
      >
        <span className="status-dot" aria-hidden="true" />
        {!pause.paused
          ? 'Recognition is on: learning pages you visit are tagged to your checklist.'
          : `Paused ${pauseEnd(pause.until)}. Nothing is recorded.`}
      </p>
      <div className="actions">
        {pause.paused ? (
          <button type="button" className="btn btn-primary" onClick={() => setPause(null)}>
            Resume
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => setPause(now + ONE_HOUR)}>
              Pause for 1 hour
            </button>
            <button type="button" className="btn" onClick={() => setPause(UNTIL_RESUMED)}>
              Pause until I resume
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function AnySiteSwitch({ enabled }: { enabled: boolean }) {
  const [refused, setRefused] = useState(false);

  const toggle = async (on: boolean) => {
    setRefused(false);
    if (on) {
      // Called straight from the click: the browser only asks during a user gesture.
      const granted = await browser.permissions.request({ origins: ANY_SITE_ORIGINS });
      if (!granted) {
        setRefused(true);
        return;
      }
      await send('updateSettings', { recogniseAnySite: true }, 'turn on recognition on any site');
    } else {
      await send('updateSettings', { recogniseAnySite: false }, 'turn off recognition on any site');
      await browser.permissions.remove({ origins: ANY_SITE_ORIGINS });
    }
  };

  return (
    <>
      <Switch
        label="Recognise learning pages on any site"
        description="Off: Levelmate runs only on the learning resources it knows. On: it also reads the address, title and headings of other pages you open to find learning pages, books and papers. The browser asks for permission; what it reads is judged in this browser and sent nowhere."
        checked={enabled}
        onChange={(on) => void toggle(on)}
      />
      {refused && (
        <p className="field-error" role="alert">
          The browser did not grant access to all sites, so Levelmate stays on the resources it
          knows.
        </p>
      )}
    </>
  );
}

export function PrivacySection({ settings }: { settings: SettingsRecord }) {
  return (
    <section className="card settings-section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Recognition and privacy</h2>
      <p className="hint">
        Private windows are never recorded. The pages you visit stay in this browser; your progress
        goes to your other browsers only through your browser's own sync (see Sync below).
      </p>
      <PauseControls pausedUntil={settings.pausedUntil} />
      <AnySiteSwitch enabled={settings.recogniseAnySite} />
      <Switch
        label="Show the in-page chip"
        description="A small label on recognised pages saying which level they count for, with buttons to correct it."
        checked={settings.showChip}
        onChange={(showChip) =>
          void send('updateSettings', { showChip }, 'change the chip setting')
        }
      />
      <ExcludedSites sites={settings.excludedSites} />
      <DeleteSiteVisits />
    </section>
  );
}
