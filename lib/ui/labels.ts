import type { ItemState } from '../domain/item-state';

/** "Level 3 · API Craftsperson": how a level is named everywhere, tabs included. */
export function levelTitle(level: { number: number; name: string }): string {
  return `Level ${level.number} · ${level.name}`;
}

export const STATE_LABELS: Record<ItemState, string> = {
  'not-started': 'Not started',
  learning: 'Learning',
  done: 'Done',
  skipped: 'Skipped',
};

const DREYFUS_LABELS: Record<string, string> = {
  novice: 'Novice',
  'advanced-beginner': 'Advanced beginner',
  competent: 'Competent',
  proficient: 'Proficient',
  expert: 'Expert',
};

export function dreyfusLabel(stage: string): string {
  return DREYFUS_LABELS[stage] ?? stage;
}

/** "book" → "Book", "documentation" → "Documentation". */
export function kindLabel(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
