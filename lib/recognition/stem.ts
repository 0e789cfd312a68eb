/*
 * A light English stemmer, so "caching", "cached" and "caches" meet "cache", and "replicas",
 * "replicated" and "replication" meet one another: Porter's algorithm (1980), after folding
 * British spellings ("normalise", "behaviour") into American ones. Page words and the model's
 * terms go through the same function, so a stem only has to be consistent, not a real word.
 */

const VOWELS = 'aeiou';

/** Whether the letter at i is a consonant ("y" is one after a vowel or at the start). */
function consonant(word: string, i: number): boolean {
  const c = word[i]!;
  if (VOWELS.includes(c)) return false;
  if (c === 'y') return i === 0 || !consonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in `stem`. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && consonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !consonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && consonant(stem, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!consonant(stem, i)) return true;
  return false;
}

function doubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && consonant(word, n - 1);
}

/** Consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "how"). */
function cvc(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  if (!consonant(word, n - 1) || consonant(word, n - 2) || !consonant(word, n - 3)) return false;
  return !'wxy'.includes(word[n - 1]!);
}

/** Replaces the first matching suffix when its stem's measure passes; null when none ended it. */
function replaceSuffix(
  word: string,
  rules: readonly (readonly [string, string])[],
  minMeasure: number,
): string | null {
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    return measure(stem) > minMeasure ? stem + replacement : word;
  }
  return null;
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
];

const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

function step1(word: string): string {
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);

  let rest = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    rest = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    rest = true;
  }
  if (rest) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleConsonant(w) && !'lsz'.includes(w.at(-1)!)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
}

function step4(word: string): string {
  for (const suffix of STEP4) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (measure(stem) <= 1) return word;
    if (suffix === 'ion' && !(stem.endsWith('s') || stem.endsWith('t'))) return word;
    return stem;
  }
  return word;
}

function step5(word: string): string {
  let w = word;
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !cvc(stem))) w = stem;
  }
  if (measure(w) > 1 && doubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}

/** British spellings as American ones, so both stem alike. */
function americanSpelling(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|es|ed|er|ers|ing)$/, 'iz$1')
    .replace(/our(s?)$/, 'or$1')
    .replace(/yse(s?|d)$/, 'yze$1');
}

/** Words whose stem would merge them with a different subject ("https" is not "http"). */
const KEEP: ReadonlyMap<string, string> = new Map([
  ['https', 'https'],
  ['tls', 'tls'],
  ['dns', 'dns'],
  ['cors', 'cors'],
  ['ddos', 'ddos'],
  ['aws', 'aws'],
  ['sqs', 'sqs'],
  ['sns', 'sns'],
  ['kms', 'kms'],
  ['replica', 'replic'],
  ['replicas', 'replic'],
  ['scalability', 'scale'],
  ['scalable', 'scale'],
]);

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The stem of one lowercase word; words with digits or shorter than three letters stay. */
export function stem(word: string): string {
  const known = cache.get(word) ?? KEEP.get(word);
  if (known !== undefined) return known;
  if (word.length < 3 || /[^a-z]/.test(word)) return word;
  let w = americanSpelling(word);
  w = step1(w);
  w = replaceSuffix(w, STEP2, 0) ?? w;
  w = replaceSuffix(w, STEP3, 0) ?? w;
  w = step4(w);
  w = step5(w);
  if (cache.size < CACHE_LIMIT) cache.set(word, w);
  return w;
}
