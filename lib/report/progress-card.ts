import type { Guide } from '../schemas/guide';
import { guideProgress, levelProgress, type StateLookup } from '../progress/progress';

/** What the shareable progress card says: the person's level, each level's progress, the streak. */
export interface ProgressCard {
  title: string;
  level: string;
  overall: string;
  levels: { label: string; name: string; percent: number; current: boolean }[];
  streak: string;
  date: string;
}

export function progressCard(
  guide: Guide,
  level: number,
  lookup: StateLookup,
  streakDays: number,
  date: string,
): ProgressCard {
  const current = guide.levels.find((l) => l.number === level) ?? guide.levels[0]!;
  const overall = guideProgress(guide.levels, lookup);
  return {
    title: guide.title,
    level: `Level ${current.number} · ${current.name}`,
    overall: `${overall.done} of ${overall.counted} items done`,
    levels: guide.levels.map((l) => ({
      label: `L${l.number}`,
      name: l.name,
      percent: levelProgress(l, lookup).percent,
      current: l.number === current.number,
    })),
    streak: streakDays === 0 ? 'No study streak right now' : `${streakDays}-day study streak`,
    date,
  };
}
