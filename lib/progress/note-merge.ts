/*
 * Notes are the person's own words, so two edits of one note are merged, never dropped: when
 * both only added to what was there before, both additions are kept; when they changed the
 * same text differently, both versions are kept, the other one under a marker the person can
 * see and remove.
 */

/** The line that heads the text another browser or panel wrote, where the two disagreed. */
export const CONFLICT_MARKER = '— Edited on another browser or panel —';

/**
 * Merges two edits of the same note made from the same `base`: `mine` is the one being
 * saved or kept here, `theirs` the one already there.
 */
export function mergeNotes(base: string, mine: string, theirs: string): string {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  // Both appended to the base: keep the base once, then their addition, then mine.
  if (mine.startsWith(base) && theirs.startsWith(base)) {
    const ours = mine.slice(base.length).trim();
    const other = theirs.slice(base.length).trim();
    if (other.includes(ours)) return theirs;
    if (ours.includes(other)) return mine;
    return `${theirs.trimEnd()}\n${ours}`;
  }
  // One is the other with more written after it: the longer keeps both.
  if (mine.startsWith(theirs)) return mine;
  if (theirs.startsWith(mine)) return theirs;
  return `${mine.trimEnd()}\n\n${CONFLICT_MARKER}\n${theirs.trim()}`;
}
