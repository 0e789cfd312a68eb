import type { FIGURES } from './figures';

/*
 * The JSON lines `npm run bench:browser` prints: one per figure, then a summary.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface FigureLine {
  figure: string;
  unit: string;
  levelmate: Spread | null;
  floor: Spread | null;
  /** levelmate median / floor median */
  ratio: number | null;
  budget: number;
  withinBudget: boolean | null;
  /** Rounds measured in each arm. */
  n: { levelmate: number; floor: number };
  /** Why a figure has no value. */
  error?: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The median (the mean of the middle two for an even count), least and most. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round2(median), min: round2(sorted[0]!), max: round2(sorted.at(-1)!) };
}

export function figureLine(
  figure: (typeof FIGURES)[number],
  levelmate: readonly number[],
  floor: readonly number[],
): FigureLine {
  const l = spread(levelmate);
  const f = spread(floor);
  const ratio = l && f && f.median > 0 ? Math.round((l.median / f.median) * 1000) / 1000 : null;
  const line: FigureLine = {
    figure: figure.name,
    unit: figure.unit,
    levelmate: l,
    floor: f,
    ratio,
    budget: figure.budget,
    withinBudget: ratio === null ? null : ratio <= figure.budget,
    n: { levelmate: levelmate.length, floor: floor.length },
  };
  if (!l || !f)
    line.error = `not measured in ${!l && !f ? 'either arm' : !l ? 'levelmate' : 'floor'}`;
  return line;
}
