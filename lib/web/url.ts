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
  protocol: 'http:' | 'https:';
  /** Lowercase host without a trailing dot, e.g. "developer.mozilla.org". */
  host: string;
  /** The port when it is not the scheme's default, else "". */
  port: string;
  origin: string;
  /** As the WHATWG URL parser gives it: at least "/", percent-escapes kept. */
  pathname: string;
  /** "?…" or "". */
  search: string;
}

/**
 * Parses a page address the way every part of Levelmate must see it: http(s) only, no user
 * info (a classic lookalike trick), a bounded length, and a canonical host. Anything else is
 * not a page we recognise, so the answer is null rather than an exception.
 */
export function parsePageUrl(raw: string): ParsedPageUrl | null {
  if (raw.length > MAX_URL_LENGTH) return null;
  return parsePlainUrl(raw) ?? parseWithWhatwgUrl(raw);
}

/** The WHATWG URL parser's reading of an address: the reference every other path must match. */
export function parseWithWhatwgUrl(raw: string): ParsedPageUrl | null {
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
  const { protocol, port, pathname, search } = url;
  return {
    protocol,
    host,
    port,
    origin: `${protocol}//${host}${port ? `:${port}` : ''}`,
    pathname,
    search,
  };
}

/**
 * Addresses made only of characters the WHATWG parser leaves alone: a lowercase ASCII host
 * whose last label starts with a letter (so no IP addresses), no port, no user info, and path
 * and query characters that are never re-escaped. Most real addresses look like this.
 */
const PLAIN_URL =
  /^(https?):\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)\.?(\/[\w\-.~!$&()*+,;=:@%/]*)?(\?[\w\-.~!$&()*+,;=:@%/?]*)?(?:#.*)?$/;

/**
 * A fast reading of plain addresses (the recogniser's hot path), giving exactly what
 * parseWithWhatwgUrl would (a test compares the two on every address the tests know).
 * Anything it is not sure of, it leaves to the WHATWG parser by answering null.
 */
function parsePlainUrl(raw: string): ParsedPageUrl | null {
  const match = PLAIN_URL.exec(raw);
  if (!match) return null;
  const [, scheme, host, path = '/', search = ''] = match as unknown as [
    string,
    string,
    string,
    string?,
    string?,
  ];
  // Dot segments are resolved, punycode is validated, and a lone "?" is dropped by the full
  // parser: rare enough to leave to it.
  if (host.includes('xn--') || path.includes('/.') || /%2e/i.test(path) || search === '?')
    return null;
  const protocol = scheme === 'https' ? 'https:' : 'http:';
  return { protocol, host, port: '', origin: `${protocol}//${host}`, pathname: path, search };
}

/**
 * The address a visit is stored under: no fragment, no tracking parameters, the remaining
 * parameters sorted, a canonical host. Two links to the same page give the same string.
 */
export function normaliseUrl(raw: string): string | null {
  const parsed = parsePageUrl(raw);
  if (!parsed) return null;
  const params = [...new URLSearchParams(parsed.search)].filter(([name]) => !isTrackingParam(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${parsed.origin}${parsed.pathname}${query === '' ? '' : `?${query}`}`;
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

/** The page's host, then each parent domain: "a.b.example.com" → …, "example.com". */
export function hostAndParents(host: string): string[] {
  const out = [host];
  for (
    let dot = host.indexOf('.');
    dot !== -1 && host.indexOf('.', dot + 1) !== -1;
    dot = host.indexOf('.', dot + 1)
  ) {
    out.push(host.slice(dot + 1));
  }
  return out;
}
