import { signalsOfPage } from '@/lib/cli/parse-html';
import type { WildPage } from '@/lib/cli/wild-set';
import type { Recognition } from '@/lib/recognition/recognise';
import type { PageSignals } from '@/lib/recognition/signals';

export {
  loadSeenPages,
  loadSourcePages,
  loadSplits,
  WILD_DIR,
  type Label,
  type SourceKind,
  type Split,
  type WildPage,
} from '@/lib/cli/wild-set';

export function wildSignals(page: Pick<WildPage, 'url' | 'title' | 'html'>): PageSignals {
  return signalsOfPage(page);
}

/** A page with headings: read as the content script reads it, not title-only. */
export function hasHeadings(page: Pick<WildPage, 'html'>): boolean {
  return /<h[1-3][\s>]/i.test(page.html);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

export interface WildFigures {
  pages: number;
  /** Guide pages, and those tagged to at least one right item. */
  guide: number;
  found: number;
  recall: number;
  /** Tags given (on every page) and those that are right. */
  tags: number;
  rightTags: number;
  precision: number;
  /** Learning pages about nothing in the guide, and those left untagged. */
  offGuide: number;
  offGuideUntagged: number;
  offGuideLeft: number;
  /** Pages that are not learning pages, and those left untagged. */
  notLearning: number;
  notLearningUntagged: number;
  notLearningLeft: number;
}

/** One page's outcome: the items it got, and which of them are right. */
export function outcome(page: Pick<WildPage, 'items'>, found: Recognition | null) {
  const got = found?.items.map((i) => i.id) ?? [];
  const right = got.filter((id) => page.items.includes(id));
  return { got, right };
}

/** The figures of a set of pages: counts, then ratios (1 when there is nothing to count). */
export function measure(
  pages: readonly WildPage[],
  recognised: (page: WildPage) => Recognition | null,
): WildFigures {
  const f = {
    pages: pages.length,
    guide: 0,
    found: 0,
    tags: 0,
    rightTags: 0,
    offGuide: 0,
    offGuideUntagged: 0,
    notLearning: 0,
    notLearningUntagged: 0,
  };
  for (const page of pages) {
    const { got, right } = outcome(page, recognised(page));
    f.tags += got.length;
    f.rightTags += right.length;
    if (page.label === 'guide') {
      f.guide++;
      if (right.length > 0) f.found++;
    } else if (page.label === 'off-guide') {
      f.offGuide++;
      if (got.length === 0) f.offGuideUntagged++;
    } else {
      f.notLearning++;
      if (got.length === 0) f.notLearningUntagged++;
    }
  }
  return {
    ...f,
    recall: ratio(f.found, f.guide),
    precision: ratio(f.rightTags, f.tags),
    offGuideLeft: ratio(f.offGuideUntagged, f.offGuide),
    notLearningLeft: ratio(f.notLearningUntagged, f.notLearning),
  };
}
