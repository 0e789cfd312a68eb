import { browser, type PublicPath } from 'wxt/browser';
import { BUILTIN_GUIDE } from '../builtin/guide';
import { RECOGNITION_FILE } from '../schemas/constants';
import type { GateRules, IdentifierSites, IndexedRule } from '../schemas/resource-rules';
import { recognise, type Recognition } from './recognise';
import { buildRuleIndex, itemLevelsOf, itemTopicsOf, type RuleIndex } from './rule-index';
import type { PageSignals } from './signals';
import { decodeWordModel, type WordModelData } from './word-model';

/**
 * The recognition data as the build writes it (lib/cli/shipped-data.ts): the rules and the
 * learning-page gate, validated and stripped of their examples, and the word model.
 */
export interface ShippedRecognition {
  rules: IndexedRule[];
  identifierSites: IdentifierSites;
  gate: GateRules;
  wordModel: WordModelData;
}

/** The shipped rules, gate and word model, indexed (a few milliseconds). */
export function indexShipped(data: ShippedRecognition): RuleIndex {
  return buildRuleIndex(data.rules, data.identifierSites, itemLevelsOf(BUILTIN_GUIDE), {
    words: decodeWordModel(data.wordModel),
    gate: data.gate,
    itemTopics: itemTopicsOf(BUILTIN_GUIDE),
  });
}

/**
 * The background's recogniser. Its data (most of what the background would otherwise carry)
 * is read and indexed when the first page asks after the worker starts, so a worker woken for
 * anything else starts without it; a read that fails is tried again by the next page. The
 * content script runs only on sites the person granted (the learning sites, or every site),
 * so every page that reaches here is judged as on any site: a site no rule knows gets the
 * stricter bar.
 */
export function shippedRecogniser(
  load: () => Promise<ShippedRecognition>,
): (signals: PageSignals) => Promise<Recognition | null> {
  let index: Promise<RuleIndex> | undefined;
  return async (signals) => {
    index ??= load().then(indexShipped, (error: unknown) => {
      index = undefined;
      throw error;
    });
    return recognise(signals, await index, { anySite: true });
  };
}

/**
 * Reads the recognition data from the extension's own package (gzipped JSON, see
 * lib/cli/recognition-file.ts): a file the build validated, which no page and no other
 * extension can reach or change, so it is not validated again.
 */
export async function readPackagedRecognition(): Promise<ShippedRecognition> {
  const response = await fetch(browser.runtime.getURL(`/${RECOGNITION_FILE}` as PublicPath));
  if (!response.ok || !response.body)
    throw new Error(`could not read ${RECOGNITION_FILE} (${response.status})`);
  const json = response.body.pipeThrough(new DecompressionStream('gzip'));
  return (await new Response(json).json()) as ShippedRecognition;
}
