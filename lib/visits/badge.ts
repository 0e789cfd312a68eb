import type { SkipReason } from './visit-policy';

/** What the toolbar button shows for a tab. Pure, so the rules are tested without a browser. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** The mark every tab shows while recognition is paused. */
export const PAUSED_BADGE: Badge = {
  text: 'II',
  color: '#868e96',
  title: 'Levelmate is paused: nothing is recorded',
};

/**
 * The badge for a page: nothing for a page the person ruled out (an excluded site, "not a
 * learning page", a private window), the paused mark while paused, else what it counts for.
 */
export function badgeFor(page: {
  resource: { title: string } | null;
  items: readonly { level: number }[];
  skipped: SkipReason | null;
  studiedBefore: boolean;
}): Badge | null {
  if (page.skipped === 'paused') return PAUSED_BADGE;
  if (!page.resource || page.skipped) return null;
  const levels = [...new Set(page.items.map((item) => item.level))].sort((a, b) => a - b);
  const counts =
    levels.length === 0
      ? ' — counts for no checklist item'
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
