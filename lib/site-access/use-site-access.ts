import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LEARNING_SITE_ORIGINS } from '../builtin/learning-sites';
import { declinedSites } from './site-access-queries';
import { usePermissionsChange } from './use-permissions-change';
import { useStoredItem } from '../ui/use-stored-item';
import { scriptsProblem } from './scripts-problem-store';
import type { SiteAccess } from './site-prompt';

export type { SiteAccess };

async function readAccess(): Promise<SiteAccess> {
  const { origins = [] } = await browser.permissions.getAll();
  const held = new Set(origins);
  const declined = await declinedSites.get();
  return {
    granted: LEARNING_SITE_ORIGINS.filter((o) => held.has(o)),
    missing: LEARNING_SITE_ORIGINS.filter((o) => !held.has(o)),
    declined,
  };
}

/**
 * Whether Levelmate records nothing at all: no learning site allowed, and "recognise on any
 * site" off. The grants, to offer them, while that is so; null otherwise (or while reading).
 */
export function useRecognitionOff(recogniseAnySite: boolean | undefined): SiteAccess | null {
  const access = useSiteAccess();
  if (!access || recogniseAnySite !== false) return null;
  return access.granted.length === 0 ? access : null;
}

/** The person's grants, kept current as they change (here, in Settings or in the browser). */
export function useSiteAccess(): SiteAccess | undefined {
  const [access, setAccess] = useState<SiteAccess>();
  const refresh = useCallback(() => void readAccess().then(setAccess), []);
  usePermissionsChange(refresh);
  // "Not now" answers are kept in local storage (other storage changes are not about this).
  useEffect(() => declinedSites.watch(refresh), [refresh]);
  return access;
}

/** The browser's last refusal to set up page recognition, in its words; null when all is well. */
export function useScriptsProblem(): string | null | undefined {
  return useStoredItem(scriptsProblem);
}
