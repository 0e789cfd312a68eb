import catalogue from 'virtual:levelmate/catalogue';
import type { GateRules, IdentifierSites, IndexedRule } from '../schemas/resource-rules';

/*
 * The recognition rules as shipped: validated and stripped of their examples at build time
 * (lib/cli/shipped-data.ts), so no context re-validates them, not even the service worker
 * each time it wakes.
 */
export const BUILTIN_RULES: readonly IndexedRule[] = catalogue.rules;
export const IDENTIFIER_SITES: IdentifierSites = catalogue.identifierSites;
/** How pages that are never learning pages are told, on every site. */
export const GATE: GateRules = catalogue.gate;
