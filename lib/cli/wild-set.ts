import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../schemas/zod';
import { StableId } from '../schemas/ids';

/*
 * The development set of real pages (tests/fixtures/wild/sources/): 53 sources (documentation
 * sites from their source repositories, curated lists and roadmaps), labelled against the
 * guide by people who never saw the recogniser. Whole sources are held out (splits.json):
 * their pages are only ever measured, in aggregate; the word model learns from the others.
 * The older set (tests/fixtures/wild/*.jsonl, written from memory, which the rules were
 * partly written from) is "seen" material.
 */

export const WILD_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'wild');

const Label = z.enum(['guide', 'off-guide', 'not-learning']);

const SourcePage = z.object({
  source: z.string().check(z.minLength(2)),
  sourceKind: z.enum(['docs', 'list']),
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().check(z.minLength(1)),
  /** The head (title, description) and the body's headings; "" for a list's title-only link. */
  html: z.string(),
  /** Every item a mentor accepts as right for this page; empty for a page to leave alone. */
  items: z.array(StableId),
  label: Label,
  kind: z.string().check(z.minLength(2)),
  why: z.string(),
  context: z.optional(z.string()),
});

const SeenPage = z.object({
  url: z.url({ protocol: /^https$/ }),
  title: z.string().check(z.minLength(1)),
  html: z.string().check(z.maxLength(4000)),
  items: z.array(StableId),
  kind: z.string().check(z.minLength(2)),
  why: z.string().check(z.minLength(3)),
});

export type Split = 'dev' | 'holdout' | 'seen';
export type SourceKind = 'docs' | 'list';
export type Label = z.infer<typeof Label>;

export interface WildPage {
  source: string;
  sourceKind: SourceKind;
  split: Split;
  url: string;
  title: string;
  html: string;
  items: string[];
  /** "guide": tagged to `items`; "off-guide": a learning page about nothing in the guide. */
  label: Label;
}

const Splits = z.object({
  rule: z.string(),
  holdout: z.array(z.string()),
  dev: z.array(z.string()),
});

export function loadSplits(dir = WILD_DIR) {
  return Splits.parse(JSON.parse(readFileSync(join(dir, 'splits.json'), 'utf8')));
}

function jsonLines(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * The pages of every source, each with its split. A held-out page whose address also appears
 * in a development source counts as development (splits.json's rule).
 */
export function loadSourcePages(dir = WILD_DIR): WildPage[] {
  const splits = loadSplits(dir);
  const holdout = new Set(splits.holdout);
  const dev = new Set(splits.dev);
  const pages: WildPage[] = [];
  for (const name of readdirSync(join(dir, 'sources'))
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const source = name.replace(/\.jsonl$/, '');
    if (!holdout.has(source) && !dev.has(source))
      throw new Error(`${name}: a source splits.json does not place`);
    jsonLines(join(dir, 'sources', name)).forEach((json, i) => {
      const page = SourcePage.parse(json, { error: () => `${name}:${i + 1} is not a page` });
      pages.push({
        source: page.source,
        sourceKind: page.sourceKind,
        split: holdout.has(source) ? 'holdout' : 'dev',
        url: page.url,
        title: page.title,
        html: page.html,
        items: page.items,
        label: page.label,
      });
    });
  }
  const devUrls = new Set(pages.filter((p) => p.split === 'dev').map((p) => p.url));
  for (const page of pages)
    if (page.split === 'holdout' && devUrls.has(page.url)) page.split = 'dev';
  return pages;
}

/** The older set written from memory: every page once, with every item either author gave. */
export function loadSeenPages(dir = WILD_DIR): WildPage[] {
  const byUrl = new Map<string, WildPage>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    jsonLines(join(dir, name)).forEach((json, i) => {
      const page = SeenPage.parse(json, { error: () => `${name}:${i + 1} is not a seen page` });
      const seen = byUrl.get(page.url);
      const items = [...new Set([...(seen?.items ?? []), ...page.items])];
      byUrl.set(page.url, {
        source: 'seen',
        sourceKind: /<h[1-3][\s>]/i.test(page.html) ? 'docs' : 'list',
        split: 'seen',
        url: page.url,
        title: page.title,
        html: page.html,
        items,
        label: items.length > 0 ? 'guide' : 'not-learning',
      });
    });
  }
  return [...byUrl.values()];
}

const Labelling = z.object({
  label: Label,
  items: z.array(StableId),
  why: z.string(),
});

const Labellings = z.object({
  source: z.string().check(z.minLength(2)),
  url: z.url({ protocol: /^https?$/ }),
  first: Labelling,
  second: Labelling,
  /** "agreed": both labellings were the same; "adjudicated": a third person settled them. */
  settled: z.enum(['agreed', 'adjudicated']),
});

export type Labellings = z.infer<typeof Labellings>;

/**
 * How each page's label was settled (tests/fixtures/wild/agreement/): two people labelled every
 * page independently, from the page and the guide alone, without the recogniser; where they
 * differed, a third settled it. The sources hold the settled labels; this holds both
 * labellings, so how far two careful people agree (what any figure on one person's labels is
 * worth) stays measurable.
 */
export function loadLabellings(dir = WILD_DIR): Labellings[] {
  return jsonLines(join(dir, 'agreement', 'labellings.jsonl')).map((json, i) =>
    Labellings.parse(json, { error: () => `labellings.jsonl:${i + 1} is not two labellings` }),
  );
}

/** What the word model may learn from: the development pages and the seen ones. */
export interface LearningPages {
  dev: WildPage[];
  /** Seen pages, without those whose address a held-out source holds. */
  seen: WildPage[];
  /** Titles of held-out pages (lowercase): examples elsewhere that repeat one are left out. */
  heldOutTitles: Set<string>;
  heldOutUrls: Set<string>;
}

/**
 * The pages the model learns from. Held-out pages are read here only to leave out any other
 * material that repeats them (a seen page at the same address, an example with the same
 * title); nothing of theirs is learnt or printed.
 */
export function learningPages(dir = WILD_DIR): LearningPages {
  const all = loadSourcePages(dir);
  const heldOut = all.filter((p) => p.split === 'holdout');
  const heldOutUrls = new Set(heldOut.map((p) => p.url));
  return {
    dev: all.filter((p) => p.split === 'dev'),
    seen: loadSeenPages(dir).filter((p) => !heldOutUrls.has(p.url)),
    heldOutTitles: new Set(heldOut.map((p) => p.title.toLowerCase())),
    heldOutUrls,
  };
}
