/**
 * `npm run --silent recognize`: for rule authors. Reads JSON Lines on standard input, each
 * {"url", "title"?, "html"?}, and writes one JSON line per input, in order, with the resource,
 * items, reason and topics the extension would tag. A bad line gets {"error"} and the run goes
 * on. With `--any-site`, pages on sites no rule knows are judged by their own words, as the
 * extension does with "Recognise on any site".
 */
import { createInterface } from 'node:readline';
import { recognizeLine, shippedIndex } from './recognize-lines';

const anySite = process.argv.includes('--any-site');
const index = shippedIndex();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  process.stdout.write(`${JSON.stringify(recognizeLine(line, index, { anySite }))}\n`);
}
