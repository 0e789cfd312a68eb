import { loadResources } from '../builtin/load-resources';
import { db } from '../db/database';
import { currentStreak, dayKey } from '../progress/activity';
import { progressCard, type ProgressCard } from './progress-card';
import { stateLookup } from '../progress/progress';
import { currentLevelOf } from '../progress/queries';
import type { ReportInput } from './report';
import type { Guide } from '../schemas/guide';
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../schemas/constants';

/** The guide's item states and the person's level. */
async function progressOf(guide: Guide) {
  const database = db();
  const [states, settings] = await Promise.all([
    database.itemStates.where('guideId').equals(guide.id).toArray(),
    database.settings.get(SETTINGS_ID),
  ]);
  const lookup = stateLookup(states);
  return { states, lookup, level: currentLevelOf(guide, settings ?? DEFAULT_SETTINGS, lookup) };
}

/** Everything a report is made of, read once from the database when it is asked for. */
export async function reportInput(guide: Guide, includeNotes: boolean): Promise<ReportInput> {
  const [{ states, level }, days, { RESOURCE_TITLES }] = await Promise.all([
    progressOf(guide),
    db().visitDays.toArray(),
    loadResources(),
  ]);
  return {
    guide,
    level: level.number,
    states,
    visits: days.flatMap((day) => day.visits),
    resourceTitles: RESOURCE_TITLES,
    includeNotes,
    now: Date.now(),
  };
}

/** The progress card's content: the level, each level's progress, the streak (no visits). */
export async function cardContent(guide: Guide): Promise<ProgressCard> {
  const [{ lookup, level }, activity] = await Promise.all([
    progressOf(guide),
    db().activity.toArray(),
  ]);
  const now = Date.now();
  return progressCard(guide, level.number, lookup, currentStreak(activity, now), dayKey(now));
}
