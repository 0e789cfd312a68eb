/**
 * Path patterns from the recognition rules, matched segment by segment and case-insensitively:
 * "*" is exactly one segment, a trailing "**" any rest (including none). Without "**" the whole
 * path must match; a trailing slash is ignored.
 */
export interface PathMatcher {
  /**
   * The pattern's deepest literal segment and its position, as "position:segment" (the most
   * selective key for the index), or null when the pattern has no literal segment.
   */
  anchor: string | null;
  /** Literal segments count more than wildcards: the more specific rule wins. */
  specificity: number;
  matches(segments: readonly string[]): boolean;
}

export function anchorKey(position: number, segment: string): string {
  return `${position}:${segment}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment;
  }
}

export function pathSegments(pathname: string): string[] {
  const segments = pathname.toLowerCase().split('/');
  let kept = 0;
  for (const segment of segments) if (segment !== '') segments[kept++] = segment;
  segments.length = kept;
  // Decoding is rare work (most paths have no escapes), so it is only done when needed.
  return pathname.includes('%') ? segments.map(decodeSegment) : segments;
}

export function compilePathPattern(pattern: string): PathMatcher {
  const parts = pathSegments(pattern);
  const openEnded = parts.at(-1) === '**';
  const fixed = openEnded ? parts.slice(0, -1) : parts;
  const literals = fixed.filter((part) => part !== '*').length;
  const deepest = fixed.findLastIndex((part) => part !== '*');
  return {
    anchor: deepest === -1 ? null : anchorKey(deepest, fixed[deepest]!),
    specificity: literals * 4 + fixed.length + (openEnded ? 0 : 1),
    matches(segments) {
      if (openEnded ? segments.length < fixed.length : segments.length !== fixed.length) {
        return false;
      }
      return fixed.every((part, i) => part === '*' || part === segments[i]);
    },
  };
}
