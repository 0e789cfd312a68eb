import type { ItemState } from '../progress/item-state';
import type { TagReason } from '../recognition/recognise';
import type { SkipReason } from '../visits/visit-policy';

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

/** Why a page counts for its items, in a sentence (the popup's "Why?"). */
export function reasonText(reason: TagReason, resourceTitle: string): string {
  switch (reason.by) {
    case 'resource':
      return `Every page of ${resourceTitle} counts for these items.`;
    case 'part':
      return `This page is in “${reason.part}” of ${resourceTitle}.`;
    case 'words': {
      const phrases = [...new Set(Object.values(reason.phrases).flat())];
      return `Its title and headings are about ${phrases.map((p) => `“${p}”`).join(', ')}.`;
    }
    case 'none':
      return `An overview page of ${resourceTitle}: it counts for no single item.`;
  }
}

/** Why a known page is not recorded now: the person's own choices. */
export const SKIP_LABELS: Record<SkipReason, string> = {
  paused: 'Recognition is paused: this page is not recorded.',
  excluded: 'You excluded this site: it is not recorded.',
  'not-learning': 'You marked this as not a learning page; it is not recorded.',
  incognito: 'Private windows are never recorded.',
};

/** Time on a page: "under a minute", "12 min", "1 h 5 min". */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
