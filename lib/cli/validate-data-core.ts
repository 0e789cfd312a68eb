import { guideProblems } from '../guides/guide-integrity';
import { keyPhraseProblems, ruleProblems } from '../recognition/rule-integrity';
import { decodeWordModel, modelTerms } from '../recognition/word-model';
import { loadRecognitionData } from './load-data';
import { shippedWordModel } from './model-data';
import { signalsOfPage } from './parse-html';

/**
 * Validates every data file (schemas, cross-references, rule examples, key phrases and the
 * cross matrix). Throws one error listing every problem, so a build with invalid data fails
 * with the message.
 */
export function validateDataOrThrow(): string {
  const data = loadRecognitionData();
  const { guide, vocabulary, rules, keyPhrases } = data;
  const problems = [
    ...guideProblems(guide, vocabulary),
    ...keyPhraseProblems(keyPhrases, guide),
    ...ruleProblems(data, signalsOfPage, decodeWordModel(shippedWordModel(data))),
  ];
  if (problems.length > 0) {
    throw new Error(`Data has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  const items = guide.levels.reduce((n, level) => n + level.items.length, 0);
  const phrases = Object.values(keyPhrases.items).reduce(
    (n, item) => n + item.strong.length + item.weak.length,
    0,
  );
  const terms = modelTerms(shippedWordModel(data)).length;
  return `data ok: guide "${guide.id}" v${guide.contentVersion}, 7 levels, ${items} items; ${rules.length} resource rules; ${phrases} key phrases; a word model of ${terms} terms`;
}
