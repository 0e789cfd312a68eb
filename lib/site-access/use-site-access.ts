import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LEARNING_SITE_ORIGINS } from '../builtin/learning-sites';
import { DECLINED_KEY } from './site-access-queries';
import { usePermissionsChange } from './use-permissions-change';

/** Which learning sites the person let Levelmate read, and which not (yet). */
export interface SiteAccess {
  granted: string[];
  missing: string[];
  /** Missing sites the person already said "not now" to. */
  declined: string[];
}

async function readAccess(): Promise<SiteAccess> {
  const { origins = [] } = await browser.permissions.getAll();
  const held = new Set(origins);
  const stored = await browser.storage.local.get(DECLINED_KEY);
  const declined = (stored[DECLINED_KEY] as string[] | undefined) ?? [];
  return {
    granted: LEARNING_SITE_ORIGINS.filter((o) => held.has(o)),
    missing: LEARNING_SITE_ORIGINS.filter((o) => !held.has(o)),
    declined,
  };
}

/** The person's grants, kept current as they change (here, in Settings or in the browser). */
export function useSiteAccess(): SiteAccess | undefined {
  const [access, setAccess] = useState<SiteAccess>();
  const refresh = useCallback(() => void readAccess().then(setAccess), []);
  usePermissionsChange(refresh);
  // "Not now" answers are kept in local storage (other storage changes are not about this).
  useEffect(() => {
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && DECLINED_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [refresh]);
  return access;
}
