/*
 * The settings that follow the person to their other browsers and keep when each was last
 * chosen here (the settings' `choiceAt`): sync tells a choice made again from the one it last
 * merged by that time, so choosing level 3, then 4, then 3 again still wins over a level
 * chosen elsewhere meanwhile. The excluded sites are a list that syncs whole: set again to
 * what was merged, it is left alone, so a site another browser excluded meanwhile stays
 * excluded.
 */

/** Settings fields whose choice keeps its time. */
export const TIMED_CHOICES = ['showChip'] as const;

/** A guide's chosen level, by guide. */
export const levelChoice = (guideId: string) => `level:${guideId}`;
