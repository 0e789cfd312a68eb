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

/** A page's labels and the items some answer gave it. */
export interface Answered {
  truth: Pick<WildPage, 'label' | 'items'>;
  got: readonly string[];
}

/** The figures of a set of pages: counts, then ratios (1 when there is nothing to count). */
export function measure(
  pages: readonly WildPage[],
  recognised: (page: WildPage) => Recognition | null,
): WildFigures {
  return tally(
    pages.map((page) => ({ truth: page, got: recognised(page)?.items.map((i) => i.id) ?? [] })),
  );
}

/** The figures of answers (a recogniser's, or another labeller's) against labels. */
export function tally(answers: readonly Answered[]): WildFigures {
  const f = {
    pages: answers.length,
    guide: 0,
    found: 0,
    tags: 0,
    rightTags: 0,
    offGuide: 0,
    offGuideUntagged: 0,
    notLearning: 0,
    notLearningUntagged: 0,
  };
  for (const { truth, got } of answers) {
    const right = got.filter((id) => truth.items.includes(id));
    f.tags += got.length;
    f.rightTags += right.length;
    if (truth.label === 'guide') {
      f.guide++;
      if (right.length > 0) f.found++;
    } else if (truth.label === 'off-guide') {
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
