import { z } from 'zod';
import { buildPhraseIndex } from '../recognition/key-phrases';
import { recognise } from '../recognition/recognise';
import { buildRuleIndex, itemLevelsOf, type RuleIndex } from '../recognition/rule-index';
import { loadRecognitionData } from './load-data';
import { signalsOfPage } from './parse-html';

const InputLine = z.object({
  url: z.string().min(1),
  title: z.string().optional(),
  html: z.string().optional(),
});

/** The shipped rules and key phrases, indexed as the extension indexes them. */
export function shippedIndex(): RuleIndex {
  const { guide, rules, sites, keyPhrases, notLearning } = loadRecognitionData();
  return buildRuleIndex(
    rules,
    sites,
    itemLevelsOf(guide),
    buildPhraseIndex(keyPhrases.items),
    notLearning.lastSegments,
  );
}

/**
 * One input line ({"url", "title"?, "html"?}) to one answer: the resource, items, reason and
 * topics the extension would tag, or {"error"} for a line that is not a page.
 */
export function recognizeLine(line: string, index: RuleIndex): object {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  const input = InputLine.safeParse(json);
  if (!input.success) return { error: z.prettifyError(input.error).replace(/\n/g, ' ') };
  const found = recognise(signalsOfPage(input.data), index);
  return {
    url: input.data.url,
    resource: found && { id: found.resource.id, title: found.resource.title },
    items: found?.items ?? [],
    reason: found?.reason ?? null,
    topics: found?.topics ?? [],
  };
}
