/**
 * Path patterns from the recognition rules, matched segment by segment and case-insensitively:
 * "*" is exactly one segment, a trailing "**" any rest (including none). Without "**" the whole
 * path must match; a trailing slash is ignored.
 */
export interface PathMatcher {
  /** The pattern's first segment when it is literal, else null (for the index). */
  firstSegment: string | null;
  /** Literal segments count more than wildcards: the more specific rule wins. */
  specificity: number;
  matches(segments: readonly string[]): boolean;
}

export function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).toLowerCase();
      } catch {
        return segment.toLowerCase();
      }
    });
}

export function compilePathPattern(pattern: string): PathMatcher {
  const parts = pathSegments(pattern);
  const openEnded = parts.at(-1) === '**';
  const fixed = openEnded ? parts.slice(0, -1) : parts;
  const literals = fixed.filter((part) => part !== '*').length;
  return {
    firstSegment: fixed[0] !== undefined && fixed[0] !== '*' ? fixed[0] : null,
    specificity: literals * 4 + fixed.length + (openEnded ? 0 : 1),
    matches(segments) {
      if (openEnded ? segments.length < fixed.length : segments.length !== fixed.length) {
        return false;
      }
      return fixed.every((part, i) => part === '*' || part === segments[i]);
    },
  };
}
