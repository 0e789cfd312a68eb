import type { ActivityRecord } from '../schemas/records';

/** The local calendar day of a moment, as "YYYY-MM-DD" (what a person calls "today"). */
export function dayKey(time: number): string {
  const date = new Date(time);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Noon of the local day `offset` days from `time`: immune to daylight-saving shifts. */
function shiftDays(time: number, offset: number): number {
  const date = new Date(time);
  date.setHours(12, 0, 0, 0);
  date.setDate(date.getDate() + offset);
  return date.getTime();
}

export interface HeatmapDay {
  day: string;
  /** Check-offs plus study visits. */
  count: number;
  /** 0 (none) to 4 (busiest), relative to the busiest day shown. */
  intensity: 0 | 1 | 2 | 3 | 4;
}

/**
 * The last `weeks` whole weeks of study days, oldest first, each column a week starting on
 * Monday and the last column holding today; days after today are left out.
 */
export function heatmap(
  records: readonly ActivityRecord[],
  now: number,
  weeks = 12,
): HeatmapDay[][] {
  const byDay = new Map(records.map((r) => [r.day, r.checkoffs + r.studyVisits]));
  const weekday = (new Date(now).getDay() + 6) % 7; // Monday = 0
  const start = shiftDays(now, -weekday - (weeks - 1) * 7);
  const columns: { day: string; count: number }[][] = [];
  let max = 0;
  for (let w = 0; w < weeks; w++) {
    const column: { day: string; count: number }[] = [];
    for (let d = 0; d < 7; d++) {
      const offset = w * 7 + d;
      if (w === weeks - 1 && d > weekday) break;
      const day = dayKey(shiftDays(start, offset));
      const count = byDay.get(day) ?? 0;
      max = Math.max(max, count);
      column.push({ day, count });
    }
    columns.push(column);
  }
  return columns.map((column) =>
    column.map(({ day, count }) => ({
      day,
      count,
      intensity: count === 0 ? 0 : (Math.max(1, Math.ceil((count / max) * 4)) as 1 | 2 | 3 | 4),
    })),
  );
}

/**
 * Consecutive study days ending today, or ending yesterday when today has nothing yet (a
 * streak is not broken until the day is over).
 */
export function currentStreak(records: readonly ActivityRecord[], now: number): number {
  const active = new Set(records.filter((r) => r.checkoffs + r.studyVisits > 0).map((r) => r.day));
  let offset = active.has(dayKey(now)) ? 0 : -1;
  let streak = 0;
  while (active.has(dayKey(shiftDays(now, offset)))) {
    streak++;
    offset--;
  }
  return streak;
}
