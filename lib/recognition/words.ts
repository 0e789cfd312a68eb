/**
 * Text to comparable words: lowercase, split on anything but letters, digits, "+" and "#", and
 * plurals folded ("isolation levels" → "isolation level"). Phrases and page text go through the
 * same function, so a folding that is not a real English stem ("caches" → "cache", "series" →
 * "sery") still compares equal on both sides.
 */

/** Words whose final "s" is not a plural. */
const KEEP_S = new Set(['https', 'cors', 'kubernetes', 'postgres', 'ddos', 'aws', 'sres']);

export function foldWord(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || KEEP_S.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('xes')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

const SEPARATOR = /[^\p{L}\p{N}+#]+/u;

export function wordsOf(text: string): string[] {
  const words: string[] = [];
  // "Let's" and "Kafka's" are one word, not "let" and "s".
  for (const raw of text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(SEPARATOR)) {
    if (raw !== '') words.push(foldWord(raw));
  }
  return words;
}
