/**
 * Path patterns from the recognition rules, matched segment by segment and case-insensitively:
 * "*" is exactly one segment, a trailing "**" any rest (including none). Without "**" the whole
 * path must match; a trailing slash is ignored.
 */
export interface PathMatcher {
  /**
   * The pattern's deepest literal segment and its position (the most selective key for the
   * index), or null when the pattern has no literal segment.
   */
  anchor: { position: number; segment: string } | null;
  /** Literal segments count more than wildcards: the more specific rule wins. */
  specificity: number;
  /**
   * The pattern names one page (perhaps in several versions or languages): it ends in a
   * literal segment, as "/docs/{any}/tutorial-fk.html" does, and "/docs/**" and "/wiki/{any}"
   * do not.
   */
  pinned: boolean;
  /** The path is the root of what an open pattern covers ("/titles/mnee2/" of "/titles/mnee2/**"). */
  atRoot(segments: readonly string[]): boolean;
  /** `segments` lowercase; a case-sensitive pattern compares `exact` (the path as written). */
  matches(segments: readonly string[], exact?: () => readonly string[]): boolean;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment;
  }
}

/** The path's non-empty segments, decoded, in their own case. */
export function exactPathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** The path's non-empty segments, lowercase and decoded. On the recogniser's hot path. */
export function pathSegments(pathname: string): string[] {
  const lower = pathname.toLowerCase();
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i === lower.length || lower.charCodeAt(i) === 47 /* "/" */) {
      if (i > start) segments.push(lower.slice(start, i));
      start = i + 1;
    }
  }
  // Decoding is rare work (most paths have no escapes), so it is only done when needed.
  return lower.includes('%') ? segments.map(decodeSegment) : segments;
}

/**
 * Compiles a pattern. Paths compare case-insensitively, unless the site tells pages apart by
 * case (Wikipedia's "Solid" is not its "SOLID").
 */
export function compilePathPattern(pattern: string, caseSensitive = false): PathMatcher {
  const parts = pathSegments(pattern);
  const openEnded = parts.at(-1) === '**';
  const fixed = openEnded ? parts.slice(0, -1) : parts;
  const exactParts = caseSensitive ? exactPathSegments(pattern).slice(0, fixed.length) : null;
  const literals = fixed.filter((part) => part !== '*').length;
  const deepest = fixed.findLastIndex((part) => part !== '*');
  return {
    anchor: deepest === -1 ? null : { position: deepest, segment: fixed[deepest]! },
    specificity: literals * 4 + fixed.length + (openEnded ? 0 : 1),
    pinned: !openEnded && fixed.length > 0 && fixed.at(-1) !== '*',
    atRoot: (segments) => openEnded && segments.length === fixed.length,
    matches(segments, exact) {
      if (openEnded ? segments.length < fixed.length : segments.length !== fixed.length) {
        return false;
      }
      if (!fixed.every((part, i) => part === '*' || part === segments[i])) return false;
      if (!exactParts || !exact) return true;
      const written = exact();
      return exactParts.every((part, i) => part === '*' || part === written[i]);
    },
  };
}
