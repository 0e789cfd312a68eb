import { describe, expect, it } from 'vitest';
import { currentStreak, dayKey, heatmap } from '@/lib/progress/activity';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const day = (y: number, m: number, d: number, checkoffs = 1, studyVisits = 0) => ({
  day: dayKey(at(y, m, d)),
  checkoffs,
  studyVisits,
});

describe('activity', () => {
  it('names local calendar days', () => {
    expect(dayKey(at(2026, 1, 5, 0))).toBe('2026-01-05');
    expect(dayKey(at(2026, 12, 31, 23))).toBe('2026-12-31');
  });

  it('draws 12 weeks of Monday-first columns ending today', () => {
    const now = at(2026, 11, 22); // a Sunday
    const weeks = heatmap([day(2026, 11, 22, 2, 2), day(2026, 11, 20, 1)], now);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.at(-1)).toEqual({ day: '2026-11-22', count: 4, intensity: 4 });
    expect(weeks.at(-1)![0]!.day).toBe('2026-11-16'); // Monday
    expect(weeks.at(-1)!.find((d) => d.day === '2026-11-20')!.intensity).toBe(1);
    expect(weeks[0]![0]!.day).toBe('2026-08-31');
  });

  it('leaves out the days after today', () => {
    const wednesday = at(2026, 11, 18);
    expect(
      heatmap([], wednesday)
        .at(-1)!
        .map((d) => d.day),
    ).toEqual(['2026-11-16', '2026-11-17', '2026-11-18']);
  });

  it('counts a streak through today, or through yesterday while today is still open', () => {
    const records = [day(2026, 11, 19), day(2026, 11, 20), day(2026, 11, 21)];
    expect(currentStreak(records, at(2026, 11, 21))).toBe(3);
    expect(currentStreak(records, at(2026, 11, 22))).toBe(3);
    expect(currentStreak(records, at(2026, 11, 23))).toBe(0);
    expect(currentStreak([...records, day(2026, 11, 22, 0, 0)], at(2026, 11, 22))).toBe(3);
  });

  it('keeps counting across a daylight-saving change', () => {
    // The suite runs in a zone whose clocks go forward on 29 March (vitest.config.ts).
    expect(new Date(2026, 2, 28).getTimezoneOffset()).not.toBe(
      new Date(2026, 2, 30).getTimezoneOffset(),
    );
    const records = [day(2026, 3, 28), day(2026, 3, 29), day(2026, 3, 30)];
    expect(currentStreak(records, at(2026, 3, 30))).toBe(3);
  });
});
