import { loadRecognitionData } from '../../lib/cli/load-data';
import { indexWith, shippedWordModel, trainingCorpus } from '../../lib/cli/model-data';
import { Profiles, trainWordModel, type TrainingSettings } from '../../lib/cli/train-model';
import { recognise, type Recognition } from '../../lib/recognition/recognise';
import type { RuleIndex } from '../../lib/recognition/rule-index';
import type { PageSignals } from '../../lib/recognition/signals';
import { loadLabellings } from '../../lib/cli/wild-set';
import {
  hasHeadings,
  loadSeenPages,
  loadSourcePages,
  measure,
  tally,
  wildSignals,
  type WildFigures,
  type WildPage,
} from '../helpers/wild-set';

/*
 * The recognition figures on real pages. Held-out sources are measured with the model the
 * extension ships (learnt without them). Development pages are measured leaving their whole
 * source out: for each development source, a model is learnt from everything but that source,
 * and the source's pages are recognised with it, so the development figures say how the
 * model does on a site it has never read (not how well it recalls its own pages).
 */

export interface Run {
  page: WildPage;
  found: Recognition | null;
  /** The same page recognised only where a rule knows its site (no "any site"). */
  foundLearningSitesOnly: Recognition | null;
}

const signalsCache = new Map<WildPage, PageSignals>();
const signalsOf = (page: WildPage) => {
  let signals = signalsCache.get(page);
  if (!signals) signalsCache.set(page, (signals = wildSignals(page)));
  return signals;
};

function runs(pages: readonly WildPage[], index: RuleIndex): Run[] {
  return pages.map((page) => ({
    page,
    found: recognise(signalsOf(page), index, { anySite: true }),
    foundLearningSitesOnly: recognise(signalsOf(page), index),
  }));
}

/** Held-out and seen pages, recognised by the shipped model. */
export function shippedRuns(): { holdout: Run[]; seen: Run[] } {
  const data = loadRecognitionData();
  const index = indexWith(data, shippedWordModel(data));
  return {
    holdout: runs(
      loadSourcePages().filter((p) => p.split === 'holdout'),
      index,
    ),
    seen: runs(loadSeenPages(), index),
  };
}

/** Development pages, each recognised by a model learnt without its source. */
export function leaveOneSourceOutRuns(settings?: TrainingSettings): Run[] {
  const data = loadRecognitionData();
  const corpus = trainingCorpus(data);
  const profiles = new Profiles(corpus, settings);
  const dev = loadSourcePages().filter((p) => p.split === 'dev');
  const out: Run[] = [];
  for (const source of new Set(dev.map((p) => p.source))) {
    const words = trainWordModel(corpus, {
      exclude: new Set([source]),
      profiles,
      ...(settings ? { settings } : {}),
    });
    out.push(
      ...runs(
        dev.filter((p) => p.source === source),
        indexWith(data, words),
      ),
    );
  }
  return out;
}

export interface Breakdown {
  /** Documentation pages with their headings, on every site (as the extension with any site). */
  docs: WildFigures;
  /** The same, only where a rule knows the site. */
  docsLearningSitesOnly: WildFigures;
  /** Title-only links from lists and roadmaps, on every site. */
  list: WildFigures;
  all: WildFigures;
  /** Per level: recall on guide pages with an item of the level, precision of its tags. */
  levels: { level: number; guide: number; recall: number; tags: number; precision: number }[];
}

export function breakdown(all: readonly Run[], itemLevels: Map<string, number>): Breakdown {
  const of = (subset: readonly Run[], alone = false) => {
    const found = new Map(subset.map((r) => [r.page, alone ? r.foundLearningSitesOnly : r.found]));
    return measure(
      subset.map((r) => r.page),
      (page) => found.get(page) ?? null,
    );
  };
  const docs = all.filter((r) => r.page.sourceKind === 'docs' && hasHeadings(r.page));
  const list = all.filter((r) => r.page.sourceKind === 'list');
  const levels = [1, 2, 3, 4, 5, 6, 7].map((level) => {
    let guide = 0;
    let found = 0;
    let tags = 0;
    let right = 0;
    for (const { page, found: got } of all) {
      const ids = got?.items.map((i) => i.id) ?? [];
      if (page.label === 'guide' && page.items.some((id) => itemLevels.get(id) === level)) {
        guide++;
        if (ids.some((id) => page.items.includes(id))) found++;
      }
      for (const id of ids) {
        if (itemLevels.get(id) !== level) continue;
        tags++;
        if (page.items.includes(id)) right++;
      }
    }
    const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
    return { level, guide, recall: ratio(found, guide), tags, precision: ratio(right, tags) };
  });
  return {
    docs: of(docs),
    docsLearningSitesOnly: of(docs, true),
    list: of(list),
    all: of(all),
    levels,
  };
}

/**
 * The two labellers against each other, and the recogniser against each, on the pages of these
 * runs (tests/fixtures/wild/agreement/): what one careful person scores when the other's labels
 * are the truth is as far as a figure on one person's labels can be trusted.
 */
export interface Agreement {
  /** The second labeller's items, judged by the first's... */
  secondByFirst: WildFigures;
  /** ...and the first's, judged by the second's. */
  firstBySecond: WildFigures;
  /**
   * Each labeller judged by the settled labels: an upper bound of what a person scores, as
   * their own labels went into the settling.
   */
  firstBySettled: WildFigures;
  secondBySettled: WildFigures;
  /** The recogniser, judged by each (the runs themselves judge it by the settled labels). */
  recogniserByFirst: WildFigures;
  recogniserBySecond: WildFigures;
}

export function agreement(all: readonly Run[]): Agreement {
  const byPage = new Map(all.map((run) => [`${run.page.source} ${run.page.url}`, run]));
  const pairs = loadLabellings().flatMap((labels) => {
    const run = byPage.get(`${labels.source} ${labels.url}`);
    return run
      ? [{ ...labels, settled: run.page, found: run.found?.items.map((i) => i.id) ?? [] }]
      : [];
  });
  return {
    secondByFirst: tally(pairs.map((p) => ({ truth: p.first, got: p.second.items }))),
    firstBySecond: tally(pairs.map((p) => ({ truth: p.second, got: p.first.items }))),
    firstBySettled: tally(pairs.map((p) => ({ truth: p.settled, got: p.first.items }))),
    secondBySettled: tally(pairs.map((p) => ({ truth: p.settled, got: p.second.items }))),
    recogniserByFirst: tally(pairs.map((p) => ({ truth: p.first, got: p.found }))),
    recogniserBySecond: tally(pairs.map((p) => ({ truth: p.second, got: p.found }))),
  };
}
