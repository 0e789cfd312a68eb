import { BUILTIN_RULES, IDENTIFIER_SITES } from '../builtin/rules';
import { contentScriptMatches } from './site-matches';

let patterns: readonly string[] | undefined;

/**
 * Where the content script may run: each rule's pages, narrowed to its paths, and bookstore
 * pages of known ISBNs. Computed from the rules when first needed (a few milliseconds) rather
 * than shipped: thousands of patterns, most of them ISBNs on bookstores.
 */
export function learningSitePatterns(): readonly string[] {
  patterns ??= contentScriptMatches(BUILTIN_RULES, IDENTIFIER_SITES);
  return patterns;
}
