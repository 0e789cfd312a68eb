/** Which learning sites the person let Levelmate read, and which not (yet). */
export interface SiteAccess {
  granted: string[];
  missing: string[];
  /** Missing sites the person already said "not now" to. */
  declined: string[];
}

/**
 * What the side panel asks about the learning sites: the first ask (nothing allowed or
 * answered yet), a quiet banner when an update brought sites not yet answered, or nothing.
 */
export function sitePrompt(access: SiteAccess): 'first-ask' | 'more-sites' | 'none' {
  const declined = new Set(access.declined);
  if (!access.missing.some((origin) => !declined.has(origin))) return 'none';
  return access.granted.length > 0 ? 'more-sites' : 'first-ask';
}
