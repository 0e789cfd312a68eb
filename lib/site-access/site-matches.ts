import type { IdentifierSites, IndexedRule } from '../schemas/resource-rules';
import { hostAndParents, parsePageUrl } from '../web/url';
import { isbn10Of, toIsbn13 } from '../recognition/identifiers';

/**
 * A rule's path pattern as a match-pattern path: segment wildcards stay "*", and a final "*"
 * also admits a trailing slash, the rest of the path and the query, which the rule then checks.
 */
function matchPatternPath(pattern: string): string {
  const path = pattern.replace(/\/?\*\*$/, '').replace(/\/$/, '');
  return `${path === '' ? '/' : path}*`;
}

/**
 * The content-script match patterns that cover every page some rule could recognise: each
 * rule's hosts (and subdomains) narrowed to its paths, and bookstore or publisher pages whose
 * address carries a known ISBN or DOI. Our code runs nowhere else.
 */
export function contentScriptMatches(
  rules: readonly IndexedRule[],
  sites: IdentifierSites,
): string[] {
  const patterns = new Set<string>();
  const wholeHosts = new Set<string>();
  for (const rule of rules) {
    for (const site of rule.match.sites) {
      if (!site.paths) wholeHosts.add(site.host);
      for (const path of site.paths ?? ['/**']) {
        patterns.add(`*://*.${site.host}${matchPatternPath(path)}`);
      }
    }
  }
  for (const rule of rules) {
    for (const raw of rule.match.isbns) {
      const isbn13 = toIsbn13(raw);
      if (!isbn13) continue;
      for (const form of [isbn13, isbn10Of(isbn13)]) {
        if (form) for (const host of sites.isbnInUrl) patterns.add(`*://*.${host}/*${form}*`);
      }
    }
    for (const doi of rule.match.dois) {
      for (const host of sites.doiInUrl) patterns.add(`*://*.${host}/*${doi}*`);
    }
  }
  // A whole-host pattern covers every narrower pattern of that host.
  return [...patterns]
    .filter((pattern) => {
      const host = /^\*:\/\/\*\.([^/]+)\//.exec(pattern)?.[1];
      return !host || !wholeHosts.has(host) || pattern === `*://*.${host}/*`;
    })
    .sort();
}

/** The host a content-script pattern is for: "*://*.example.org/docs*" → "example.org". */
export function patternHost(pattern: string): string | null {
  return /^\*:\/\/\*\.([^/]+)\//.exec(pattern)?.[1] ?? null;
}

/** The host permission that covers a host and its subdomains. */
export function originOf(host: string): string {
  return `*://*.${host}/*`;
}

/**
 * The host permissions the learning sites need: one per site, a site's subdomains covered by
 * the site's own permission ("learning.oreilly.com" by "oreilly.com").
 */
export function siteOrigins(patterns: readonly string[]): string[] {
  const hosts = new Set(patterns.flatMap((p) => patternHost(p) ?? []));
  return [...hosts]
    .filter(
      (host) =>
        !hostAndParents(host)
          .slice(1)
          .some((parent) => hosts.has(parent)),
    )
    .sort()
    .map(originOf);
}

/** Whether a granted host permission (one site, or any site) covers an address. */
export function originCovers(origin: string, url: string): boolean {
  const parsed = parsePageUrl(url);
  if (!parsed) return false;
  const any = /^(\*|https?):\/\/\*\/\*$/.exec(origin);
  if (any) return any[1] === '*' || `${any[1]}:` === parsed.protocol;
  const host = patternHost(origin);
  return host !== null && hostAndParents(parsed.host).includes(host);
}
