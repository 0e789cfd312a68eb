import {
  buildRuleIndex,
  itemLevelsOf,
  itemTopicsOf,
  type RuleIndex,
} from '../recognition/rule-index';
import { decodeWordModel, type WordModelData } from '../recognition/word-model';
import { loadRecognitionData } from './load-data';
import { signalsOfPage } from './parse-html';
import { buildCorpus, trainWordModel, type Corpus } from './train-model';
import { learningPages } from './wild-set';

type Data = ReturnType<typeof loadRecognitionData>;

/** The recogniser's index over the data's rules and gate, with the given word model (or none). */
export function indexWith(data: Data, words: WordModelData | null): RuleIndex {
  return buildRuleIndex(data.rules, data.sites, itemLevelsOf(data.guide), {
    words: words && decodeWordModel(words),
    gate: data.notLearning,
    itemTopics: itemTopicsOf(data.guide),
  });
}

let corpus: { data: Data; corpus: Corpus } | undefined;

/** What the word model learns from, read once per process. */
export function trainingCorpus(data: Data = loadRecognitionData()): Corpus {
  if (corpus?.data === data) return corpus.corpus;
  const built = buildCorpus({
    guide: data.guide,
    vocabulary: data.vocabulary,
    keyPhrases: data.keyPhrases,
    rules: data.rules,
    pages: learningPages(),
    index: indexWith(data, null),
    signalsOf: signalsOfPage,
  });
  corpus = { data, corpus: built };
  return built;
}

let model: { data: Data; model: WordModelData } | undefined;

/** The word model the extension ships, learnt from the data (once per process). */
export function shippedWordModel(data: Data = loadRecognitionData()): WordModelData {
  if (model?.data === data) return model.model;
  const built = trainWordModel(trainingCorpus(data));
  model = { data, model: built };
  return built;
}
