import { RESOURCES } from '../builtin/resources';
import { db } from '../db/database';
import { currentStreak, dayKey } from '../domain/activity';
import { progressCard, type ProgressCard } from '../domain/progress-card';
import { stateLookup, suggestedLevel } from '../domain/progress';
import type { ReportInput } from '../domain/report';
import type { Guide } from '../schemas/guide';
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../schemas/constants';

/** Everything a report is made of, read once from the database when it is asked for. */
export async function reportInput(guide: Guide, includeNotes: boolean): Promise<ReportInput> {
  const database = db();
  const [states, settings, days] = await Promise.all([
    database.itemStates.where('guideId').equals(guide.id).toArray(),
    database.settings.get(SETTINGS_ID),
    database.visitDays.toArray(),
  ]);
  const lookup = stateLookup(states);
  return {
    guide,
    level:
      (settings ?? DEFAULT_SETTINGS).currentLevels[guide.id] ??
      suggestedLevel(guide.levels, lookup),
    states,
    visits: days.flatMap((day) => day.visits),
    resourceTitles: new Map(RESOURCES.map((r) => [r.id, r.title])),
    includeNotes,
    now: Date.now(),
  };
}

/** The progress card's content: the level, each level's progress, the streak. */
export async function cardContent(guide: Guide): Promise<ProgressCard> {
  const input = await reportInput(guide, false);
  const activity = await db().activity.toArray();
  return progressCard(
    guide,
    input.level,
    stateLookup(input.states),
    currentStreak(activity, input.now),
    dayKey(input.now),
  );
}
