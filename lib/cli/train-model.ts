import type { Guide, TopicVocabulary } from '../schemas/guide';
import type { KeyPhraseFile } from '../schemas/key-phrases';
import type { ResourceRule } from '../schemas/resource-rules';
import { wordContextOf } from '../recognition/recognise';
import type { RuleIndex } from '../recognition/rule-index';
import type { PageSignals } from '../recognition/signals';
import {
  addressText,
  pageFields,
  weighTerms,
  type Field,
  type PageTerms,
} from '../recognition/terms';
import {
  candidates,
  encodeVarints,
  FEATURES,
  itemScores,
  POSTINGS_SEPARATOR,
  type Posting,
  type WordBar,
  type WordContext,
  type WordModel,
  type WordModelData,
} from '../recognition/word-model';
import { parsePageUrl } from '../web/url';
import type { LearningPages, WildPage } from './wild-set';

/*
 * Learns the word model (lib/recognition/word-model.ts) at build time from what the project
 * knows: each item's own text and key phrases, the resources and parts that teach it (the
 * rules), and the labelled pages of the development set. Held-out pages are never learnt from.
 *
 * The judge learns from candidates scored the way they will be scored on unseen sites: each
 * development page is scored by profiles learnt without its own source, so the judge sees how
 * far words carry to a site the profiles have never read, not how well they recall their own.
 */

export interface TrainingSettings {
  /** BM25: term saturation, and how much a long profile's terms are discounted. */
  k1: number;
  b: number;
  /** A term's rarity: this share across ordinary pages, the rest across the items. */
  pageRarity: number;
  /** A profile term lighter than this is dropped (it keeps the shipped model small). */
  minMass: number;
  /**
   * How much a term's weight for an item follows the item's share of the term's mass across
   * all items: a word one item holds nearly alone says more for it than a word many share.
   */
  specificity: number;
  /**
   * How much the pages about nothing in the guide count in that share: a word that pages about
   * nothing in the guide use as often says less for any item.
   */
  offGuideMass: number;
  /** Mass added to every term's total in that share: a word seen on few pages says less. */
  shareSmoothing: number;
  /** How much each kind of material weighs in an item's profile. */
  weight: {
    page: number;
    itemText: number;
    strongPhrase: number;
    phraseExample: number;
    rule: number;
    topic: number;
  };
  /** The judge's L2 penalty, and at most how many Newton steps it takes. */
  judge: { l2: number; iterations: number };
  bar: WordBar;
  /** The quantisation step of shipped weights. */
  step: number;
}

/** Chosen on the development set by leave-one-source-out measurement (see tests/bench/wild.ts). */
export const SETTINGS: TrainingSettings = {
  k1: 1.2,
  b: 0.5,
  pageRarity: 0.5,
  minMass: 1,
  specificity: 0.5,
  offGuideMass: 3,
  shareSmoothing: 3,
  weight: { page: 1, itemText: 2, strongPhrase: 1, phraseExample: 1, rule: 0.5, topic: 0.5 },
  judge: { l2: 0.01, iterations: 30 },
  bar: { known: 0.5, unknown: 0.55, relative: 0.5, max: 3, candidates: 5 },
  step: 0.02,
};

/** One piece of material: a page, a phrase, an item's text, a part's name. */
export interface TrainingDoc {
  /** Where it comes from: a source of the development set, or "knowledge". */
  group: string;
  items: string[];
  terms: PageTerms;
  /** What it is, which says how much it weighs in a profile. */
  kind: keyof TrainingSettings['weight'];
  /** An ordinary page: it counts toward how rare a word is on the web. */
  ordinary: boolean;
  /** For a page the judge learns from: the context its site gives the words. */
  context: WordContext | null;
}

export interface Corpus {
  items: string[];
  docs: TrainingDoc[];
}

export const KNOWLEDGE = 'knowledge';

const noFields = (): Record<Field, string[]> => ({
  title: [],
  summary: [],
  headings: [],
  address: [],
});
const termsOf = (fields: Partial<Record<Field, string[]>>) =>
  weighTerms({ ...noFields(), ...fields });

export interface CorpusInput {
  guide: Guide;
  /** The guide's topics: each topic's name and description speak, lightly, for its items. */
  vocabulary?: TopicVocabulary;
  keyPhrases: KeyPhraseFile;
  rules: readonly ResourceRule[];
  pages: LearningPages;
  /** The recogniser's index without a word model: it says which pages reach the words. */
  index: RuleIndex;
  signalsOf: (page: WildPage) => PageSignals;
}

/** Everything the model learns from, read once. */
export function buildCorpus(input: CorpusInput): Corpus {
  const { guide, vocabulary, keyPhrases, rules, pages, index, signalsOf } = input;
  const items = guide.levels.flatMap((level) => level.items.map((item) => item.id));
  const docs: TrainingDoc[] = [];
  const knowledge = (item: string[], terms: PageTerms, kind: TrainingDoc['kind']) =>
    docs.push({ group: KNOWLEDGE, items: item, terms, kind, ordinary: false, context: null });

  for (const level of guide.levels) {
    for (const item of level.items) {
      knowledge([item.id], termsOf({ title: [item.short], summary: [item.text] }), 'itemText');
    }
  }
  for (const topic of vocabulary?.topics ?? []) {
    const members = guide.levels.flatMap((level) =>
      level.items.filter((item) => item.topics.includes(topic.id)).map((item) => item.id),
    );
    if (members.length === 0) continue;
    knowledge(members, termsOf({ title: [topic.label], summary: [topic.description] }), 'topic');
  }
  for (const [id, phrases] of Object.entries(keyPhrases.items)) {
    for (const phrase of phrases.strong) {
      knowledge([id], termsOf({ title: [phrase] }), 'strongPhrase');
    }
  }
  for (const example of keyPhrases.examples) {
    if (pages.heldOutTitles.has(example.title.toLowerCase())) continue;
    const signals: PageSignals = {
      url: 'https://example.org/',
      title: example.title,
      dois: [],
      isbns: [],
      words: {
        headline: '',
        siteName: '',
        headings: example.headings ?? [],
        description: example.description ?? '',
        keywords: '',
      },
    };
    knowledge(
      example.items,
      weighTerms(pageFields(signals, { host: 'example.org', pathname: '/' })),
      'phraseExample',
    );
  }
  for (const rule of rules) {
    if (rule.items.length > 0) knowledge(rule.items, termsOf({ title: [rule.title] }), 'rule');
    for (const part of rule.parts) {
      knowledge(part.items, termsOf({ title: [part.name, ...(part.titles ?? [])] }), 'rule');
    }
    for (const example of rule.examples) {
      if (!example.items?.length || pages.heldOutUrls.has(example.url)) continue;
      const path = parsePageUrl(example.url)?.pathname ?? '/';
      const address = addressText(path);
      knowledge(
        example.items,
        termsOf({ title: example.title ? [example.title] : [], address: address ? [address] : [] }),
        'rule',
      );
    }
  }

  const devSource = new Map(pages.dev.map((page) => [page.url, page.source]));
  const addPage = (page: WildPage, group: string) => {
    const signals = signalsOf(page);
    const at = parsePageUrl(page.url) ?? { host: '', pathname: '/' };
    docs.push({
      group,
      items: page.items,
      terms: weighTerms(pageFields(signals, at)),
      kind: 'page',
      ordinary: true,
      context: wordContextOf(signals, index),
    });
  };
  for (const page of pages.dev) addPage(page, page.source);
  // A seen page at a development page's address goes with that page's source.
  for (const page of pages.seen) addPage(page, devSource.get(page.url) ?? 'seen');
  return { items, docs };
}

/** Per-item masses of one term, sparse. */
type Masses = Map<number, number>;

interface Tally {
  tf: Map<string, Masses>;
  /** Each term's mass on ordinary pages tagged to no item. */
  none: Map<string, number>;
  df: Map<string, number>;
  pages: number;
  length: Float64Array;
}

function emptyTally(items: number): Tally {
  return {
    tf: new Map(),
    none: new Map(),
    df: new Map(),
    pages: 0,
    length: new Float64Array(items),
  };
}

/** The profiles' raw material, whole and by group, so any groups can be left out cheaply. */
export class Profiles {
  readonly itemIndex: Map<string, number>;
  readonly whole: Tally;
  readonly groups = new Map<string, Tally>();

  constructor(
    readonly corpus: Corpus,
    readonly settings: TrainingSettings = SETTINGS,
  ) {
    this.itemIndex = new Map(corpus.items.map((id, i) => [id, i]));
    this.whole = emptyTally(corpus.items.length);
    for (const doc of corpus.docs) {
      let group = this.groups.get(doc.group);
      if (!group) this.groups.set(doc.group, (group = emptyTally(corpus.items.length)));
      for (const tally of [this.whole, group]) this.add(tally, doc);
    }
  }

  private add(tally: Tally, doc: TrainingDoc) {
    const items = doc.items.map((id) => this.itemIndex.get(id)).filter((i) => i !== undefined);
    const share = this.settings.weight[doc.kind] / Math.sqrt(Math.max(1, items.length));
    for (const [term, weight] of doc.terms.weights) {
      if (doc.ordinary) tally.df.set(term, (tally.df.get(term) ?? 0) + 1);
      if (items.length === 0) {
        if (doc.ordinary) tally.none.set(term, (tally.none.get(term) ?? 0) + weight);
        continue;
      }
      let masses = tally.tf.get(term);
      if (!masses) tally.tf.set(term, (masses = new Map()));
      for (const item of items) {
        masses.set(item, (masses.get(item) ?? 0) + weight * share);
        tally.length[item] = tally.length[item]! + weight * share;
      }
    }
    if (doc.ordinary) tally.pages++;
  }

  /** The postings of the profiles learnt without the given groups, computed term by term. */
  view(exclude: ReadonlySet<string>): PostingView {
    return new PostingView(
      this,
      [...exclude].map((g) => this.groups.get(g)).filter((t) => t !== undefined),
    );
  }
}

export class PostingView {
  private readonly cache = new Map<string, Posting | undefined>();
  private readonly pages: number;
  private readonly length: Float64Array;
  private readonly average: number;

  constructor(
    private readonly profiles: Profiles,
    private readonly without: readonly Tally[],
  ) {
    const { whole } = profiles;
    this.pages = whole.pages - without.reduce((n, t) => n + t.pages, 0);
    this.length = whole.length.map((len, i) => len - without.reduce((n, t) => n + t.length[i]!, 0));
    this.average = this.length.reduce((a, b) => a + b, 0) / Math.max(1, this.length.length);
  }

  get(term: string): Posting | undefined {
    if (this.cache.has(term)) return this.cache.get(term);
    const posting = this.compute(term);
    this.cache.set(term, posting);
    return posting;
  }

  /** Every term of the whole profiles that keeps a posting here, in order (as the model ships). */
  *terms(): Generator<[string, Posting]> {
    for (const term of [...this.profiles.whole.tf.keys()].sort()) {
      const posting = this.get(term);
      if (posting) yield [term, posting];
    }
  }

  private compute(term: string): Posting | undefined {
    const { whole, settings, corpus } = this.profiles;
    const masses = whole.tf.get(term);
    if (!masses) return undefined;
    const kept: [number, number][] = [];
    for (const [item, mass] of masses) {
      let m = mass;
      for (const t of this.without) m -= t.tf.get(term)?.get(item) ?? 0;
      if (m >= settings.minMass) kept.push([item, m]);
    }
    if (kept.length === 0) return undefined;
    let df = whole.df.get(term) ?? 0;
    for (const t of this.without) df -= t.df.get(term) ?? 0;
    const n = corpus.items.length;
    const rarePages = Math.log(1 + (this.pages - df + 0.5) / (df + 0.5));
    const rareItems = Math.log(1 + (n - kept.length + 0.5) / (kept.length + 0.5));
    const idf = settings.pageRarity * rarePages + (1 - settings.pageRarity) * rareItems;
    const { k1, b } = settings;
    let none = whole.none.get(term) ?? 0;
    for (const t of this.without) none -= t.none.get(term) ?? 0;
    const total =
      kept.reduce((sum, [, m]) => sum + m, 0) +
      settings.offGuideMass * none +
      settings.shareSmoothing;
    kept.sort((x, y) => x[0] - y[0]);
    return {
      items: Uint16Array.from(kept.map(([item]) => item)),
      weights: Float32Array.from(
        kept.map(([item, m]) => {
          const norm = 1 - b + (b * this.length[item]!) / this.average;
          const share = settings.specificity > 0 ? (m / total) ** settings.specificity : 1;
          return (share * idf * (m * (k1 + 1))) / (m + k1 * norm);
        }),
      ),
    };
  }
}

/** A candidate's evidence and whether a mentor tagged the page to it. */
interface Row {
  features: number[];
  right: boolean;
}

function viewModel(view: PostingView, items: string[], bar: WordBar): WordModel {
  return { items, postings: view, judge: { weights: [], bias: 0, mean: [], scale: [] }, bar };
}

/** The judge's rows: each judged page's candidates, scored without the page's own source. */
function judgeRows(profiles: Profiles, exclude: ReadonlySet<string>): Row[] {
  const { corpus, settings } = profiles;
  const rows: Row[] = [];
  const byGroup = new Map<string, TrainingDoc[]>();
  for (const doc of corpus.docs) {
    if (!doc.context || doc.group === KNOWLEDGE || doc.group === 'seen' || exclude.has(doc.group))
      continue;
    byGroup.set(doc.group, [...(byGroup.get(doc.group) ?? []), doc]);
  }
  for (const [group, docs] of byGroup) {
    const model = viewModel(
      profiles.view(new Set([...exclude, group])),
      corpus.items,
      settings.bar,
    );
    for (const doc of docs) {
      const scores = itemScores(doc.terms, model);
      for (const candidate of candidates(scores, doc.terms, model, doc.context!)) {
        rows.push({
          features: candidate.features,
          right: doc.items.includes(corpus.items[candidate.item]!),
        });
      }
    }
  }
  return rows;
}

/** Solves a x = y for a small symmetric positive-definite a (Gaussian elimination). */
function solve(a: number[][], y: number[]): number[] {
  const n = y.length;
  const m = a.map((row, i) => [...row, y[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * A logistic model over standardised features, fitted by Newton's method with an L2 penalty
 * (the bias is not penalised): a handful of steps converge on a few thousand rows.
 */
export function fitJudge(
  rows: readonly Row[],
  l2: number,
  iterations: number,
): WordModelData['judge'] {
  const d = FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    const values = rows.map((r) => r.features[j]!);
    const m = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const v = values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, values.length);
    mean[j] = m;
    scale[j] = Math.sqrt(v) || 1;
  }
  // The last column is the bias.
  const x = rows.map((r) => [...r.features.map((f, j) => (f - mean[j]!) / scale[j]!), 1]);
  const w = new Array<number>(d + 1).fill(0);
  const n = Math.max(1, rows.length);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let r = 0; r < rows.length; r++) {
      const xr = x[r]!;
      let z = 0;
      for (let j = 0; j <= d; j++) z += w[j]! * xr[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const error = p - (rows[r]!.right ? 1 : 0);
      const curve = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j] = grad[j]! + (error * xr[j]!) / n;
        for (let k = 0; k <= d; k++) hess[j]![k] = hess[j]![k]! + (curve * xr[j]! * xr[k]!) / n;
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] = grad[j]! + l2 * w[j]!;
      hess[j]![j] = hess[j]![j]! + l2;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j <= d; j++) {
      w[j] = w[j]! - step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
    }
    if (moved < 1e-6) break;
  }
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    weights: w.slice(0, d).map(round),
    bias: round(w[d]!),
    mean: mean.map(round),
    scale: scale.map(round),
  };
}

/**
 * The word model learnt from the corpus, without the given groups (a source left out to
 * measure how the model does on it), as shipped: compact and quantised.
 */
export function trainWordModel(
  corpus: Corpus,
  options: { exclude?: ReadonlySet<string>; settings?: TrainingSettings; profiles?: Profiles } = {},
): WordModelData {
  const settings = options.settings ?? SETTINGS;
  const exclude = options.exclude ?? new Set<string>();
  const profiles =
    options.profiles?.corpus === corpus && options.profiles.settings === settings
      ? options.profiles
      : new Profiles(corpus, settings);
  const judge = fitJudge(
    judgeRows(profiles, exclude),
    settings.judge.l2,
    settings.judge.iterations,
  );
  const kept = new Map<string, number[]>();
  for (const [term, posting] of profiles.view(exclude).terms()) {
    const pairs: number[] = [];
    posting.items.forEach((item, k) => {
      const q = Math.round(posting.weights[k]! / settings.step);
      if (q > 0) pairs.push(item, q);
    });
    if (pairs.length > 0) kept.set(term, pairs);
  }
  // In the order view.terms() gives (sorted): the worker finds a term by binary search.
  const terms = [...kept.keys()];
  return {
    version: 2,
    items: corpus.items,
    terms: terms.join('\n'),
    postings: terms.map((t) => encodeVarints(kept.get(t)!)).join(POSTINGS_SEPARATOR),
    step: settings.step,
    judge,
    bar: settings.bar,
  };
}
