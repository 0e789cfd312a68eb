import { z } from '../schemas/zod';
import { notLearningReason } from '../recognition/gate';
import { recognise, type RecogniseOptions } from '../recognition/recognise';
import type { RuleIndex } from '../recognition/rule-index';
import { parsePageUrl } from '../web/url';
import { loadRecognitionData } from './load-data';
import { indexWith, shippedWordModel } from './model-data';
import { signalsOfPage } from './parse-html';

const InputLine = z.object({
  url: z.string().check(z.minLength(1)),
  title: z.optional(z.string()),
  html: z.optional(z.string()),
});

/** The shipped rules, gate and word model, indexed as the extension indexes them. */
export function shippedIndex(): RuleIndex {
  const data = loadRecognitionData();
  return indexWith(data, shippedWordModel(data));
}

/**
 * One input line ({"url", "title"?, "html"?}) to one answer: the resource, items, reason and
 * topics the extension would tag (and, for a page the learning-page gate stops, why), or
 * {"error"} for a line that is not a page.
 */
export function recognizeLine(
  line: string,
  index: RuleIndex,
  options: RecogniseOptions = {},
): object {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON: ${(error as Error).message}` };
  }
  const input = InputLine.safeParse(json);
  if (!input.success) return { error: z.prettifyError(input.error).replace(/\n/g, ' ') };
  const signals = signalsOfPage(input.data);
  const found = recognise(signals, index, options);
  const page = parsePageUrl(input.data.url);
  const gate = !found && page && index.gate ? notLearningReason(page, signals, index.gate) : null;
  return {
    url: input.data.url,
    resource: found && { id: found.resource.id, title: found.resource.title },
    items: found?.items ?? [],
    reason: found?.reason ?? null,
    topics: found?.topics ?? [],
    ...(gate ? { notLearning: gate } : {}),
  };
}
