import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { signalsOfPage } from '@/lib/cli/parse-html';
import type { Recognition } from '@/lib/recognition/recognise';
import type { PageSignals } from '@/lib/recognition/signals';
import { StableId } from '@/lib/schemas/ids';

/*
 * The development set of real pages (tests/fixtures/wild/sources/): 41 sources (documentation
 * sites from their source repositories, curated lists and roadmaps), labelled against the
 * guide by people who never saw the recogniser. Whole sources are held out (splits.json):
 * their pages are only ever measured, in aggregate, never printed or tuned on. The older set
 * (tests/fixtures/wild/*.jsonl, written from memory, which the rules were partly written from)
 * is "seen" material, measured on its own.
 */

export const WILD_DIR = join(import.meta.dirname, '..', 'fixtures', 'wild');
export const SOURCES_DIR = join(WILD_DIR, 'sources');

const SourcePage = z.object({
  source: z.string().min(2),
  sourceKind: z.enum(['docs', 'list']),
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  /** The head (title, description) and the body's headings; "" for a list's title-only link. */
  html: z.string(),
  /** Every item a mentor accepts as right for this page; empty for a page to leave alone. */
  items: z.array(StableId),
  label: z.enum(['guide', 'off-guide', 'not-learning']),
  kind: z.string().min(2),
  why: z.string(),
  context: z.string().optional(),
});

const SeenPage = z.object({
  url: z.url({ protocol: /^https$/ }),
  title: z.string().min(1),
  html: z.string().max(4000),
  items: z.array(StableId),
  kind: z.string().min(2),
  why: z.string().min(3),
});

export type Split = 'dev' | 'holdout' | 'seen';
export type SourceKind = 'docs' | 'list';
export type Label = z.infer<typeof SourcePage>['label'];

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

/** The development pages only: what may be read, printed and learnt from. */
export function loadDevPages(dir = WILD_DIR): WildPage[] {
  return loadSourcePages(dir).filter((page) => page.split === 'dev');
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
        sourceKind: page.html.includes('<h') ? 'docs' : 'list',
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

export type Recognise = (page: WildPage) => Recognition | null;

/** One page's outcome: the items it got, and which of them are right. */
export function outcome(page: WildPage, found: Recognition | null) {
  const got = found?.items.map((i) => i.id) ?? [];
  const right = got.filter((id) => page.items.includes(id));
  return { got, right };
}

/** The figures of a set of pages: counts, then ratios (1 when there is nothing to count). */
export function measure(pages: readonly WildPage[], tagsOf: Recognise): WildFigures {
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
    const { got, right } = outcome(page, tagsOf(page));
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
