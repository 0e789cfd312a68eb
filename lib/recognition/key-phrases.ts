import type { ItemPhrases } from '../schemas/key-phrases';
import { wordsOf } from './words';

/*
 * What a page is about, from its own words: the title, headings, description and keywords are
 * matched against each item's key phrases through a word trie (one walk per word of the page,
 * never a loop over the items), and an item is tagged when its phrases score enough.
 */

export interface PhraseMatch {
  item: string;
  phrase: string;
  strong: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The phrases that end at this word. */
  ends: PhraseMatch[];
}

export interface PhraseIndex {
  root: TrieNode;
}

/** The page's words, grouped by where they stand; a phrase counts most in the title. */
export interface PageText {
  /** The title, og:title and first heading: what the page says it is. */
  title: string[];
  /** Section headings. */
  headings: string[];
  /** Description and keywords. */
  summary: string[];
}

export const SCORING = {
  /** A phrase's weight in each part of the page. */
  weight: { title: 3, headings: 1.5, summary: 1.5 },
  /** Each further part of the page that repeats a phrase adds this much. */
  repeat: 0.5,
  strong: 1,
  weak: 0.35,
  /** An item is tagged at this score: one strong phrase in the title, or several elsewhere. */
  threshold: 3,
  /** ...and only when it scores at least this share of the best item's score. */
  relative: 0.5,
  maxItems: 3,
} as const;

export function buildPhraseIndex(items: Readonly<Record<string, ItemPhrases>>): PhraseIndex {
  const root: TrieNode = { next: new Map(), ends: [] };
  const add = (item: string, phrase: string, strong: boolean) => {
    let node = root;
    for (const word of wordsOf(phrase)) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(word, child);
      }
      node = child;
    }
    if (node !== root && !node.ends.some((m) => m.item === item)) {
      node.ends.push({ item, phrase, strong });
    }
  };
  for (const [item, phrases] of Object.entries(items)) {
    for (const phrase of phrases.strong) add(item, phrase, true);
    for (const phrase of phrases.weak) add(item, phrase, false);
  }
  return { root };
}

/** Every phrase found in a text, at any word. */
function phrasesIn(text: string, index: PhraseIndex, found: Set<PhraseMatch>): void {
  const words = wordsOf(text);
  for (let start = 0; start < words.length; start++) {
    let node = index.root.next.get(words[start]!);
    for (let i = start + 1; node; i++) {
      for (const match of node.ends) found.add(match);
      if (i >= words.length) break;
      node = node.next.get(words[i]!);
    }
  }
}

export interface WordsVerdict {
  /** Tagged items, best first, with the phrases that tagged each. */
  items: { id: string; score: number; phrases: string[] }[];
}

type Part = keyof PageText;
const PARTS: Part[] = ['title', 'headings', 'summary'];

/** The items a page's words are about, best first; none when nothing scores enough. */
export function itemsFromWords(page: PageText, index: PhraseIndex): WordsVerdict {
  const seen = new Map<PhraseMatch, Part[]>();
  for (const part of PARTS) {
    const found = new Set<PhraseMatch>();
    for (const text of page[part]) phrasesIn(text, index, found);
    for (const match of found) {
      const parts = seen.get(match);
      if (parts) parts.push(part);
      else seen.set(match, [part]);
    }
  }
  const scores = new Map<string, { score: number; phrases: string[] }>();
  for (const [match, parts] of seen) {
    const best = Math.max(...parts.map((part) => SCORING.weight[part]));
    const points =
      (match.strong ? SCORING.strong : SCORING.weak) * (best + SCORING.repeat * (parts.length - 1));
    const entry = scores.get(match.item) ?? { score: 0, phrases: [] };
    entry.score += points;
    entry.phrases.push(match.phrase);
    scores.set(match.item, entry);
  }
  const ranked = [...scores]
    .map(([id, entry]) => ({
      id,
      score: Math.round(entry.score * 100) / 100,
      phrases: [...new Set(entry.phrases)],
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const top = ranked[0]?.score ?? 0;
  return {
    items: ranked
      .filter((item) => item.score >= SCORING.threshold && item.score >= top * SCORING.relative)
      .slice(0, SCORING.maxItems),
  };
}
