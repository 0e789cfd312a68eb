import { shippedIndex } from '@/lib/cli/recognize-lines';
import { loadWildSet, measureWild } from '../helpers/wild-set';
const pages = loadWildSet();
const index = shippedIndex();
for (const split of ['dev', 'holdout'] as const) {
  const f = measureWild(
    pages.filter((p) => p.split === split),
    index,
  );
  console.log(split, JSON.stringify({ ...f, misses: f.misses.length }));
}
if (process.argv[2] === 'misses') {
  const f = measureWild(
    pages.filter((p) => p.split === 'dev'),
    index,
  );
  for (const m of f.misses) console.log(JSON.stringify(m));
}
