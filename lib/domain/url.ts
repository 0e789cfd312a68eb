/** URLs longer than this are not learning pages we record (and could be an attack). */
export const MAX_URL_LENGTH = 2048;

/** Query parameters that identify a campaign or a click, not the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'ref_src',
  'ref_url',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

export interface ParsedPageUrl {
  url: URL;
  /** Lowercase host without a trailing dot, e.g. "developer.mozilla.org". */
  host: string;
}

/**
 * Parses a page address the way every part of Levelmate must see it: http(s) only, no user
 * info (a classic lookalike trick), a bounded length, and a canonical host. Anything else is
 * not a page we recognise, so the answer is null rather than an exception.
 */
export function parsePageUrl(raw: string): ParsedPageUrl | null {
  if (raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  // The URL parser already lowercases hosts; "example.org." is the same host as "example.org".
  const hostname = url.hostname;
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (host === '') return null;
  return { url, host };
}

/**
 * The address a visit is stored under: no fragment, no tracking parameters, the remaining
 * parameters sorted, a canonical host. Two links to the same page give the same string.
 */
export function normaliseUrl(raw: string): string | null {
  const parsed = parsePageUrl(raw);
  if (!parsed) return null;
  const { url, host } = parsed;
  const params = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${host}${port}${url.pathname}${query === '' ? '' : `?${query}`}`;
}

/** True when `host` is `site` or one of its subdomains; never a substring match. */
export function isSameSiteOrSubdomain(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/**
 * The site a person means when they type "https://www.Example.com/page", "example.com" or
 * "www.example.com": its lowercase host without "www.". Null when it is not a site name.
 */
export function siteFromInput(input: string): string | null {
  const trimmed = input.trim();
  const parsed = parsePageUrl(
    /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`,
  );
  if (!parsed || !/^(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}$/.test(parsed.host)) return null;
  return parsed.host.replace(/^www\./, '');
}
