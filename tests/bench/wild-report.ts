/**
 * `npm run wild`: the recognition figures on the development set of real pages, per split;
 * with `--misses`, the development pages tagged wrongly or not at all (never the holdout's:
 * those pages are for measuring, not for tuning).
 */
import { shippedIndex } from '../../lib/cli/recognize-lines';
import { recognise } from '../../lib/recognition/recognise';
import { loadWildSet, wildSignals } from '../helpers/wild-set';
import { wildFigures } from './wild';

const index = shippedIndex();
for (const [split, f] of Object.entries(wildFigures(index))) {
  console.log(
    `${split.padEnd(8)} pages ${f.pages}  recall ${f.recall}  precision ${f.precision}  negatives untagged ${f.negativesUntagged}/${f.negatives} (left alone ${f.negativesLeftAlone})`,
  );
}
if (process.argv.includes('--misses')) {
  for (const page of loadWildSet().filter((p) => p.split === 'dev')) {
    const found = recognise(wildSignals(page), index);
    const got = found?.items.map((i) => i.id) ?? [];
    const wrong = got.filter((id) => !page.items.includes(id));
    const missed = page.items.length > 0 && got.length === wrong.length;
    if (wrong.length === 0 && !missed) continue;
    console.log(
      JSON.stringify({
        url: page.url,
        title: page.title,
        expected: page.items,
        got,
        resource: found?.resource.id ?? null,
        reason: found?.reason ?? null,
      }),
    );
  }
}
