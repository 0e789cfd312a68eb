import type { GateRules } from '../schemas/resource-rules';
import type { ParsedPageUrl } from '../web/url';
import { pathSegments } from './path-pattern';
import type { PageSignals } from './signals';
import { splitTitle } from './terms';

/*
 * The learning-page gate: whether a page can be a learning page at all, told on every site by
 * its own address shape, title and structure, never by a list of sites. Release notes,
 * changelogs, glossaries, indexes, codes of conduct, contributor guides, blog and tag indexes,
 * search results, pricing, careers, sign-in and downloads are stopped here.
 */

export interface Gate {
  last: Set<string>;
  lastStarts: Set<string>;
  sections: Set<string>;
  titles: Set<string>;
  titleStarts: string[];
}

/** Lowercase words without apostrophes, one space apart: "What's New!" → "whats new". */
function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

export function buildGate(rules: GateRules): Gate {
  return {
    last: new Set(rules.lastSegments),
    lastStarts: new Set(rules.lastSegmentStarts),
    sections: new Set(rules.sections),
    titles: new Set(rules.titles.map(plainWords)),
    titleStarts: rules.titleStarts.map(plainWords),
  };
}

/** A file's type is not part of its name: "glossary.html" is "glossary". */
const FILE_TYPE = /\.(html?|php|aspx?|jsp|md|shtml)$/;
/** Names that are a front door as a folder, but a document as a file. */
const FOLDERS = new Set(['docs', 'doc', 'documentation', 'latest', 'stable', 'current']);
/** Sections whose pages are people or organisations: "/people/ada", "/u/42", "/company/acme". */
const PROFILES = new Set([
  'people',
  'profile',
  'profiles',
  'u',
  'user',
  'users',
  'author',
  'authors',
  'company',
  'members',
  'member',
  'in',
]);

/** Words that announce a release when a version number stands with them. */
const RELEASE_WORDS =
  /\b(release|released|releases|announcing|announcement|introducing|upgrade|upgrading|changelog|end of life|now available|migration guide|upgrade guide|migrating to|deprecations?|whats new|new in)\b/;

/** A host's first label that names a service around a site, not its teaching: "status.example.com". */
const SERVICE_HOSTS = new Set([
  'status',
  'jobs',
  'careers',
  'shop',
  'store',
  'login',
  'signin',
  'accounts',
  'auth',
  'billing',
  'events',
]);
/** Sites whose one-segment pages are people or organisations: "x.com/someone". */
const PROFILE_HOSTS = new Set([
  'twitter.com',
  'x.com',
  'github.com',
  'gitlab.com',
  'linkedin.com',
  'facebook.com',
  'instagram.com',
  'mastodon.social',
  'bsky.app',
  'dev.to',
  'medium.com',
]);
/** Sections whose years are archives: "/blog/2024/". */
const DATED = new Set(['blog', 'news', 'archive', 'archives', 'posts', 'articles']);
/** A year, or a month after a year: "/blog/2024/", "/2023/05/" are a blog's archive. */
const YEAR = /^(19|20)\d\d$/;
const MONTH = /^(0?[1-9]|1[0-2])$/;
/** The query of a search: "?q=…", "?query=…", "?s=…", "?search=…". */
const SEARCH_QUERY = /(^|[?&])(q|query|s|search|keywords?)=/;
const VERSION = /\bv?\d{1,4}(\.\d+)*\b/;
const V_VERSION = /\bv\d+(\.\d+)*\b/;
/** In an address, only a dotted or "v" version counts: "5.0", "v26.1" (not an article's id). */
const STRICT_VERSION = /\bv?\d+\.\d+\b|\bv\d+\b/;

/** Whether words announce a release: a version number with a release word ("Helm 4 Released"). */
function announcesRelease(words: string): boolean {
  return VERSION.test(words) && RELEASE_WORDS.test(words);
}

function addressReason(
  page: ParsedPageUrl,
  segments: readonly string[],
  gate: Gate,
): string | null {
  const host = page.host.replace(/^www\./, '');
  if (SERVICE_HOSTS.has(host.split('.')[0]!) && host.split('.').length > 2) {
    return `it is on "${host}"`;
  }
  if (SEARCH_QUERY.test(page.search) && (segments.length === 0 || /search/.test(segments.at(-1)!)))
    return 'it is a search';
  const last = segments.at(-1)?.replace(FILE_TYPE, '');
  if (last === undefined) return null;
  // "/~someone/": a person's home page.
  if (segments[0]!.startsWith('~') && segments.length <= 2) return 'it is a profile page';
  if (
    segments.length === 1 &&
    PROFILE_HOSTS.has(host) &&
    !/^(watch|about|features|topics)$/.test(last)
  ) {
    return 'it is a profile page';
  }
  if (segments.length === 1 && last.startsWith('@')) return 'it is a profile page';
  if (segments.length <= 2 && PROFILES.has(segments[0]!)) return 'it is a profile page';
  const words = last.split(/[-_]+/);
  // "/download" is a downloads page; "/download?doi=…" is the file itself (a paper's PDF).
  const file = page.search !== '' && words[0] === 'download';
  // "/docs/latest/" is a documentation's front door; "/oas/latest.html" is a document.
  const document = FOLDERS.has(last) && FILE_TYPE.test(segments.at(-1)!);
  if (!file && !document && (gate.last.has(last) || gate.lastStarts.has(words[0]!))) {
    return `its address ends in "${last}"`;
  }
  const named = words.join(' ');
  if (STRICT_VERSION.test(named) && RELEASE_WORDS.test(named)) return 'it announces a release';
  for (const segment of segments.slice(0, -1)) {
    if (gate.sections.has(segment)) return `it is under "${segment}"`;
  }
  // A numbered page of a list: "/blog/page/2", "/blog/2/".
  if (/^\d+$/.test(last) && (segments.at(-2) === 'page' || segments.at(-2) === 'blog')) {
    return 'it is a page of an index';
  }
  // A blog's archive of a year or a month: "/blog/2024/", "/2023/05/".
  const before = segments.at(-2) ?? '';
  const year = YEAR.test(last) && (segments.length === 1 || DATED.has(before));
  if (year || (MONTH.test(last) && YEAR.test(before))) {
    return 'it is a page of an index';
  }
  return null;
}

function titleReason(subject: string, gate: Gate): string | null {
  const words = plainWords(subject);
  if (words === '') return null;
  if (gate.titles.has(words)) return `its title is "${subject}"`;
  for (const start of gate.titleStarts) {
    if (words === start || words.startsWith(`${start} `)) return `its title starts "${start}"`;
  }
  if (words.endsWith(' glossary') || words.endsWith(' release notes')) {
    return `its title is "${subject}"`;
  }
  if (announcesRelease(words)) return 'it announces a release';
  if (V_VERSION.test(words) && words.split(' ').length <= 4) return 'it announces a release';
  return null;
}

/** An A-to-Z list: most headings a single letter ("A", "B", "X, Y, Z"). */
function structureReason(signals: PageSignals): string | null {
  const headings = signals.words?.headings ?? [];
  const letters = headings.filter((h) => /^[A-Z](\s*[,&-]\s*[A-Z])*$/.test(h.trim())).length;
  return letters >= 6 ? 'it is an A-to-Z index' : null;
}

/**
 * Why a page is not a learning page, or null when it may be one. Runs before any words are
 * weighed; a rule that names this very page, or an identifier, is taken at its word instead.
 */
export function notLearningReason(
  page: ParsedPageUrl,
  signals: PageSignals,
  gate: Gate,
  segments: readonly string[] = pathSegments(page.pathname),
): string | null {
  const address = addressReason(page, segments, gate);
  if (address) return address;
  // The page's own name: the subject's first segment ("Cache" of "Cache · Glossary").
  const subject = signals.title
    ? splitTitle(signals.title, signals.words?.siteName ?? '', page.host).subject.split(' · ')[0]!
    : '';
  const headline = signals.words?.headline || signals.words?.headings[0] || '';
  return (
    titleReason(subject, gate) ??
    (headline && headline !== subject ? titleReason(headline, gate) : null) ??
    structureReason(signals)
  );
}
