/**
 * One cold start of the background's recogniser, in a fresh process (as a service worker
 * starting): decode the shipped word model and index the shipped rules, then recognise one
 * page. Prints {"buildMs", "wordsMs", "firstPageMs"}. Run by tests/bench/run.ts.
 */
import { readFileSync } from 'node:fs';
import { recognise } from '../../lib/recognition/recognise';
import { buildRuleIndex, itemLevelsOf, itemTopicsOf } from '../../lib/recognition/rule-index';
import { decodeWordModel, type WordModelData } from '../../lib/recognition/word-model';
import type { Guide } from '../../lib/schemas/guide';
import type { GateRules, IdentifierSites, IndexedRule } from '../../lib/schemas/resource-rules';

const shipped = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  rules: IndexedRule[];
  identifierSites: IdentifierSites;
  gate: GateRules;
  model: WordModelData;
  guide: Guide;
};
const start = performance.now();
const words = decodeWordModel(shipped.model);
const decoded = performance.now();
const index = buildRuleIndex(shipped.rules, shipped.identifierSites, itemLevelsOf(shipped.guide), {
  words,
  gate: shipped.gate,
  itemTopics: itemTopicsOf(shipped.guide),
});
const built = performance.now();
recognise(
  {
    url: 'https://docs.example.org/guides/isolation',
    title: 'Transaction isolation levels explained',
    dois: [],
    isbns: [],
  },
  index,
  { anySite: true },
);
const done = performance.now();
console.log(
  JSON.stringify({ buildMs: built - start, wordsMs: decoded - start, firstPageMs: done - built }),
);
