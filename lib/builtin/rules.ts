import catalogue from 'virtual:levelmate/catalogue';
import type { IdentifierSites, IndexedRule } from '../schemas/resource-rules';

/*
 * The recognition rules as shipped: validated and stripped of their examples at build time
 * (lib/cli/shipped-data.ts), so no context re-validates them, not even the service worker
 * each time it wakes.
 */
export const BUILTIN_RULES: readonly IndexedRule[] = catalogue.rules;
export const IDENTIFIER_SITES: IdentifierSites = catalogue.identifierSites;
/** Last path segments of pages that are never learning pages. */
export const NOT_LEARNING: readonly string[] = catalogue.notLearning;
