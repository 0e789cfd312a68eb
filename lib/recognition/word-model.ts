import type { PageTerms } from './terms';

/*
 * What a page's own words say about the guide's items: a weighted lexical model and a small
 * linear judge, both learnt at build time (lib/cli/train-model.ts) and shipped as data.
 *
 * 1. Every item has a profile: the words of its own text, its key phrases, the resources and
 *    parts that teach it, and the labelled pages of the development set. A page term's weight
 *    for an item is BM25's: rare terms (across the items and across ordinary pages) and terms
 *    the item's profile holds often say most. A page's score for an item is the sum of its
 *    terms' weights, each times where it stands on the page (title, description, headings).
 * 2. The few best-scoring items, and the items its site is about, are candidates. A linear
 *    judge weighs each candidate's evidence (its score, its lead over the others, how much of
 *    the title it explains, whether the site is about it, whether the site is known) into the
 *    chance that a mentor would tag the page to it. A candidate is tagged when that chance
 *    clears the bar: a higher bar where the site is unknown.
 *
 * The tag's reason names the page's own words that weighed most for the item.
 */

/** The model as shipped: compact text and numbers, decoded when the first page asks. */
export interface WordModelData {
  version: 2;
  /** Item ids; postings refer to items by their position here. */
  items: string[];
  /**
   * The terms in order (by UTF-16 code units, as `sort()` orders them), "\n"-separated: single
   * words, and pairs of them (two words and a space).
   */
  terms: string;
  /**
   * Each term's postings, in the order of `terms`: (item, weight) pairs as base-45 varints,
   * separated by POSTINGS_SEPARATOR, so a starting worker finds where each term's begin with a
   * native search instead of reading every number.
   */
  postings: string;
  /** A posting's weight is its integer times this. */
  step: number;
  /** The judge: a logistic model over standardised evidence (see FEATURES). */
  judge: { weights: number[]; bias: number; mean: number[]; scale: number[] };
  bar: WordBar;
}

export interface WordBar {
  /** The chance a candidate needs on a site a rule knows... */
  known: number;
  /** ...and on any other site (a stricter bar). */
  unknown: number;
  /** Candidates tagged with the best must reach this share of its chance. */
  relative: number;
  /** At most this many items per page. */
  max: number;
  /** Candidates: this many best-scoring items, and the site's own. */
  candidates: number;
}

/** A term's items and its weight for each. */
export interface Posting {
  items: Uint16Array;
  weights: Float32Array;
}

export interface WordModel {
  items: readonly string[];
  /** term → its postings (a map, or a view that computes them while the model is learnt). */
  postings: { get(term: string): Posting | undefined };
  judge: WordModelData['judge'];
  bar: WordBar;
}

/** What the page's site says, for the judge. */
export interface WordContext {
  /** A rule knows the site (a documentation site, a source, a publisher). */
  known: boolean;
  /** The items the site, or its part the page is in, is about. */
  prior: ReadonlySet<string>;
  /** Items of the topics the site is about. */
  topical: ReadonlySet<string>;
}

export const NO_CONTEXT: WordContext = { known: false, prior: new Set(), topical: new Set() };

/** The judge's evidence about one candidate, in this order. */
export const FEATURES = [
  'score',
  'share of the best score',
  'ranked first',
  'ranked second',
  'title score',
  'share of the best title score',
  'title explained',
  'title explained, title-only page',
  'page has headings',
  'score, page with headings',
  'known site',
  'lead over the next',
  'support beyond the title, page with headings',
  // The site is a prior, never the evidence: it counts only as far as the page's own title
  // speaks for the item, so a site's pages about other things are not tagged wholesale.
  'the site is about it, title explained',
  'the site is about it, share of the best title score',
  'the site is about its topic, title explained',
  // How far the score and the lead count depends on how much of the title the item explains.
  'score, title explained',
  'ranked first, title explained',
] as const;

// Base-45 varints over 90 printable characters that JSON leaves alone: "#" (35) to "}" (125),
// minus "\\" (92); a digit below 45 ends a number, 45 and above carry on.
const ALPHABET = Array.from({ length: 91 }, (_, i) => String.fromCharCode(35 + i))
  .filter((c) => c !== '\\')
  .join('')
  .slice(0, 90);
/** Character code → digit (-1: not a digit), a table rather than a map: decoding is hot. */
const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;
const digitOf = (code: number) => (code < 128 ? CODE[code]! : -1);

if (ALPHABET.length !== 90) throw new Error('the varint alphabet needs 90 characters');

export function encodeVarints(numbers: readonly number[]): string {
  let out = '';
  for (let n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`cannot encode ${n}`);
    while (n >= 45) {
      out += ALPHABET[45 + (n % 45)];
      n = Math.floor(n / 45);
    }
    out += ALPHABET[n];
  }
  return out;
}

/** The numbers of `text` (or of its characters from `from` up to `to`). */
export function decodeVarints(text: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = from; i < to; i++) {
    const digit = digitOf(text.charCodeAt(i));
    if (digit < 0) throw new Error(`bad varint character at ${i}`);
    if (digit >= 45) {
      value += (digit - 45) * scale;
      scale *= 45;
    } else {
      out.push(value + digit * scale);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error('varints end in the middle of a number');
  return out;
}

/** Between two terms' postings in the shipped text (a character no varint digit uses). */
export const POSTINGS_SEPARATOR = ' ';

/** Compares `term` with text[from, to) by UTF-16 code units: the order `sort()` gives. */
function compareAt(term: string, text: string, from: number, to: number): number {
  const length = Math.min(term.length, to - from);
  for (let k = 0; k < length; k++) {
    const d = term.charCodeAt(k) - text.charCodeAt(from + k);
    if (d !== 0) return d;
  }
  return term.length - (to - from);
}

/** Where each piece of `text` (split at `separator`) begins, and (last) its end plus one. */
function pieceStarts(text: string, separator: string): Int32Array {
  const starts = [0];
  for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1))
    starts.push(at + 1);
  starts.push(text.length + 1);
  return Int32Array.from(starts);
}

/**
 * A term's postings, decoded from the shipped text when a page first has the term. The terms
 * are shipped in order, so a term is found by a binary search over their text itself: a
 * starting worker makes no string and no map entry for any of its thousands of terms, only
 * two arrays of where each term and each term's postings begin.
 */
class ShippedPostings {
  private readonly termStarts: Int32Array;
  private readonly postingStarts: Int32Array;
  private readonly decoded = new Map<string, Posting>();

  constructor(private readonly data: Pick<WordModelData, 'terms' | 'postings' | 'step'>) {
    this.termStarts = pieceStarts(data.terms, '\n');
    this.postingStarts = pieceStarts(data.postings, POSTINGS_SEPARATOR);
    if (this.termStarts.length !== this.postingStarts.length)
      throw new Error('word model postings do not match its terms');
  }

  /** The term's place among the terms, or -1. */
  private find(term: string): number {
    const { terms } = this.data;
    const starts = this.termStarts;
    let low = 0;
    let high = starts.length - 2;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const d = compareAt(term, terms, starts[mid]!, starts[mid + 1]! - 1);
      if (d === 0) return mid;
      if (d < 0) high = mid - 1;
      else low = mid + 1;
    }
    return -1;
  }

  get(term: string): Posting | undefined {
    const known = this.decoded.get(term);
    if (known) return known;
    const number = this.find(term);
    if (number < 0) return undefined;
    const { postings, step } = this.data;
    const from = this.postingStarts[number]!;
    const numbers = decodeVarints(postings, from, this.postingStarts[number + 1]! - 1);
    const count = numbers.length >> 1;
    const posting: Posting = { items: new Uint16Array(count), weights: new Float32Array(count) };
    for (let k = 0; k < count; k++) {
      posting.items[k] = numbers[2 * k]!;
      posting.weights[k] = numbers[2 * k + 1]! * step;
    }
    this.decoded.set(term, posting);
    return posting;
  }
}

/** The model's terms: its single words and its pairs of them. */
export function modelTerms(data: Pick<WordModelData, 'terms'>): string[] {
  return data.terms.split('\n');
}

export function decodeWordModel(data: WordModelData): WordModel {
  if (data.version !== 2) throw new Error(`word model version ${String(data.version)}`);
  return {
    items: data.items,
    postings: new ShippedPostings(data),
    judge: data.judge,
    bar: data.bar,
  };
}

/** A page's scores for every item: all its words, its title's, and how much of its title. */
export interface ItemScores {
  total: Float64Array;
  title: Float64Array;
  /** Share of the title's single words the item's profile holds. */
  explained: Float64Array;
}

/** A posting this light says little: it does not count toward explaining a title. */
const EXPLAINS = 0.5;

export function itemScores(terms: PageTerms, model: WordModel): ItemScores {
  const n = model.items.length;
  const total = new Float64Array(n);
  const title = new Float64Array(n);
  const explained = new Float64Array(n);
  for (const [term, weight] of terms.weights) {
    const posting = model.postings.get(term);
    if (!posting) continue;
    for (let k = 0; k < posting.items.length; k++) {
      const item = posting.items[k]!;
      total[item] = total[item]! + weight * posting.weights[k]!;
    }
  }
  let titleWords = 0;
  for (const [term, weight] of terms.title) {
    const single = !term.includes(' ');
    if (single) titleWords += weight;
    const posting = model.postings.get(term);
    if (!posting) continue;
    for (let k = 0; k < posting.items.length; k++) {
      const item = posting.items[k]!;
      title[item] = title[item]! + weight * posting.weights[k]!;
      if (single && posting.weights[k]! >= EXPLAINS) explained[item] = explained[item]! + weight;
    }
  }
  if (titleWords > 0) for (let i = 0; i < n; i++) explained[i] = explained[i]! / titleWords;
  return { total, title, explained };
}

/** One candidate item and the judge's evidence about it. */
export interface Candidate {
  item: number;
  features: number[];
}

/** The `count` best-scoring items, best first (ties to the lower index). */
function bestItems(values: Float64Array, count: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (best.length === count && v <= values[best[count - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && values[best[at - 1]!]! < v) at--;
    best.splice(at, 0, i);
    if (best.length > count) best.pop();
  }
  return best;
}

/** The candidates of a page: its best-scoring items and its site's own, with their evidence. */
export function candidates(
  scores: ItemScores,
  terms: PageTerms,
  model: WordModel,
  context: WordContext,
): Candidate[] {
  const n = model.bar.candidates;
  const order = bestItems(scores.total, Math.max(n, 2));
  const picked = new Set(order.slice(0, n).filter((i) => scores.total[i]! > 0));
  if (context.prior.size > 0) {
    model.items.forEach((id, i) => {
      if (context.prior.has(id)) picked.add(i);
    });
  }
  const best = scores.total[order[0]!] || 1;
  let bestTitle = 0;
  for (const v of scores.title) if (v > bestTitle) bestTitle = v;
  bestTitle ||= 1;
  const headings = terms.counts.headings > 0 ? 1 : 0;
  return [...picked].map((item) => {
    const id = model.items[item]!;
    const score = scores.total[item]!;
    const r = order.indexOf(item);
    const next = scores.total[order[r === 0 ? 1 : 0]!] ?? 0;
    const titleShare = scores.title[item]! / bestTitle;
    const explained = scores.explained[item]!;
    const prior = context.prior.has(id) ? 1 : 0;
    const topical = context.topical.has(id) ? 1 : 0;
    return {
      item,
      features: [
        Math.log1p(score),
        score / best,
        r === 0 ? 1 : 0,
        r === 1 ? 1 : 0,
        Math.log1p(scores.title[item]!),
        titleShare,
        explained,
        explained * (1 - headings),
        headings,
        headings * Math.log1p(score),
        context.known ? 1 : 0,
        r === 0 ? Math.log1p(Math.max(0, score - next)) : 0,
        headings * (score > 0 ? Math.max(0, score - scores.title[item]!) / score : 0),
        prior * explained,
        prior * titleShare,
        topical * explained,
        Math.log1p(score) * explained,
        (r === 0 ? 1 : 0) * explained,
      ],
    };
  });
}

/** The judge's chance that a mentor would tag the page to the candidate. */
export function chance(judge: WordModelData['judge'], candidate: Candidate): number {
  const { features } = candidate;
  let z = judge.bias;
  for (let j = 0; j < features.length; j++) {
    z += (judge.weights[j]! * (features[j]! - judge.mean[j]!)) / judge.scale[j]!;
  }
  return 1 / (1 + Math.exp(-z));
}

/** The page's own words that weigh most for an item (in the page's spelling), best first. */
export function decidingWords(terms: PageTerms, model: WordModel, item: number, max = 3): string[] {
  const weighed: { term: string; weight: number }[] = [];
  for (const [term, weight] of terms.weights) {
    const posting = model.postings.get(term);
    if (!posting) continue;
    for (let k = 0; k < posting.items.length; k++) {
      if (posting.items[k] === item) weighed.push({ term, weight: weight * posting.weights[k]! });
    }
  }
  weighed.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const chosen: string[] = [];
  for (const { term } of weighed) {
    // "isolation levels" says more than "isolation" and "levels" on their own.
    if (chosen.some((c) => c.split(' ').includes(term) || term.split(' ').includes(c))) continue;
    chosen.push(term);
    if (chosen.length === max) break;
  }
  return chosen.map((term) => terms.surface.get(term) ?? term);
}

export interface WordVerdict {
  /** The items tagged, best first, with their chance and the words that decided. */
  items: { id: string; chance: number; words: string[] }[];
}

/** The items a page's words are about, judged against the bar of its site (known or not). */
export function judgeWords(terms: PageTerms, model: WordModel, context: WordContext): WordVerdict {
  const scores = itemScores(terms, model);
  const judged = candidates(scores, terms, model, context)
    .map((c) => ({ item: c.item, chance: chance(model.judge, c) }))
    .sort((a, b) => b.chance - a.chance || a.item - b.item);
  const bar = context.known ? model.bar.known : model.bar.unknown;
  const best = judged[0]?.chance ?? 0;
  return {
    items: judged
      .filter(
        (c, i) => i < model.bar.max && c.chance >= bar && c.chance >= best * model.bar.relative,
      )
      .map((c) => ({
        id: model.items[c.item]!,
        chance: Math.round(c.chance * 1000) / 1000,
        words: decidingWords(terms, model, c.item),
      })),
  };
}
