/**
 * `npm run --silent recognize`: for rule authors. Reads JSON Lines on standard input, each
 * {"url", "title"?, "html"?}, and writes one JSON line per input, in order, with the resource,
 * items and topics the extension would tag. A bad line gets {"error"} and the run goes on.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { buildPhraseIndex } from '../domain/recognition/key-phrases';
import { recognise } from '../domain/recognition/recognise';
import { buildRuleIndex, itemLevelsOf } from '../domain/recognition/rule-index';
import { loadRecognitionData } from './load-data';
import { signalsOfPage } from './parse-html';

const InputLine = z.object({
  url: z.string().min(1),
  title: z.string().optional(),
  html: z.string().optional(),
});

const { guide, rules, sites, keyPhrases } = loadRecognitionData();
const index = buildRuleIndex(rules, sites, itemLevelsOf(guide), buildPhraseIndex(keyPhrases.items));

function answer(line: string): object {
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

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  process.stdout.write(`${JSON.stringify(answer(line))}\n`);
}
