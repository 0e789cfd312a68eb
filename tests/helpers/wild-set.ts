import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { signalsOfPage } from '@/lib/cli/parse-html';
import { recognise } from '@/lib/recognition/recognise';
import type { RuleIndex } from '@/lib/recognition/rule-index';
import type { PageSignals } from '@/lib/recognition/signals';
import { StableId } from '@/lib/schemas/ids';

/*
 * The development set of real pages (tests/fixtures/wild/): written by people who never saw
 * the rules or key phrases, each with the items a mentor would accept. The "dev" files were
 * looked at while building recognition; the "holdout" files only ever give figures.
 */

export const WILD_DIR = join(import.meta.dirname, '..', 'fixtures', 'wild');

const WildPage = z.object({
  url: z.url({ protocol: /^https$/ }),
  title: z.string().min(1),
  html: z.string().max(4000),
  /** Every item a mentor accepts as right for this page; empty for a page to leave alone. */
  items: z.array(StableId),
  kind: z.string().min(2),
  why: z.string().min(3),
});
export type WildPage = z.infer<typeof WildPage> & { split: 'dev' | 'holdout' };

/** Every page once: a page both authors wrote counts once, with every item either accepted. */
export function loadWildSet(dir = WILD_DIR): WildPage[] {
  const byUrl = new Map<string, WildPage>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const split = name.includes('holdout') ? 'holdout' : 'dev';
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        const page = WildPage.parse(JSON.parse(line), {
          error: () => `${name}:${i + 1} is not a wild page`,
        });
        const seen = byUrl.get(page.url);
        byUrl.set(
          page.url,
          seen
            ? {
                ...seen,
                items: [...new Set([...seen.items, ...page.items])],
                split: seen.split === 'dev' || split === 'dev' ? 'dev' : 'holdout',
              }
            : { ...page, split },
        );
      });
  }
  return [...byUrl.values()];
}

export interface WildFigures {
  pages: number;
  /** Learning pages tagged to at least one right item. */
  recall: number;
  /** Tags that are right, of all tags given (on learning and non-learning pages). */
  precision: number;
  negatives: number;
  /** Non-learning pages tagged to no item. */
  negativesUntagged: number;
  /** Non-learning pages not recognised at all (nothing recorded). */
  negativesLeftAlone: number;
  misses: { url: string; expected: string[]; got: string[] }[];
}

export function wildSignals(page: WildPage): PageSignals {
  return signalsOfPage(page);
}

export function measureWild(
  pages: readonly WildPage[],
  index: RuleIndex,
  signals: ReadonlyMap<WildPage, PageSignals> = new Map(),
): WildFigures {
  let found = 0;
  let right = 0;
  let given = 0;
  let untagged = 0;
  let leftAlone = 0;
  const misses: WildFigures['misses'] = [];
  const positives = pages.filter((p) => p.items.length > 0);
  for (const page of pages) {
    const recognition = recognise(signals.get(page) ?? wildSignals(page), index);
    const got = recognition?.items.map((i) => i.id) ?? [];
    const good = got.filter((id) => page.items.includes(id));
    given += got.length;
    right += good.length;
    if (page.items.length > 0) {
      if (good.length > 0) found++;
    } else {
      if (got.length === 0) untagged++;
      if (!recognition) leftAlone++;
    }
    if (good.length !== got.length || (page.items.length > 0 && good.length === 0)) {
      misses.push({ url: page.url, expected: page.items, got });
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    pages: pages.length,
    recall: ratio(found, positives.length),
    precision: ratio(right, given),
    negatives: pages.length - positives.length,
    negativesUntagged: untagged,
    negativesLeftAlone: leftAlone,
    misses,
  };
}
