/** What the toolbar button shows for a tab. Pure, so the rules are tested without a browser. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(page: {
  resource: { title: string } | null;
  levels: readonly number[];
  studiedBefore: boolean;
}): Badge | null {
  if (!page.resource) return null;
  const levels = [...new Set(page.levels)].sort((a, b) => a - b);
  const counts =
    levels.length === 0
      ? ''
      : ` — counts for level${levels.length > 1 ? 's' : ''} ${levels.join(', ')}`;
  const lowest = levels[0];
  return page.studiedBefore
    ? { text: '✓', color: '#2b8a3e', title: `Studied before: ${page.resource.title}${counts}` }
    : {
        text: lowest === undefined ? '•' : `L${lowest}`,
        color: '#3b5bdb',
        title: `Learning resource: ${page.resource.title}${counts}`,
      };
}
