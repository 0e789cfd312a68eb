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
  matches(segments: readonly string[]): boolean;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment;
  }
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

export function compilePathPattern(pattern: string): PathMatcher {
  const parts = pathSegments(pattern);
  const openEnded = parts.at(-1) === '**';
  const fixed = openEnded ? parts.slice(0, -1) : parts;
  const literals = fixed.filter((part) => part !== '*').length;
  const deepest = fixed.findLastIndex((part) => part !== '*');
  return {
    anchor: deepest === -1 ? null : { position: deepest, segment: fixed[deepest]! },
    specificity: literals * 4 + fixed.length + (openEnded ? 0 : 1),
    matches(segments) {
      if (openEnded ? segments.length < fixed.length : segments.length !== fixed.length) {
        return false;
      }
      return fixed.every((part, i) => part === '*' || part === segments[i]);
    },
  };
}
