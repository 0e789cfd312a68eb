import { shippedIndex } from '@/lib/cli/recognize-lines';
import { recognise } from '@/lib/domain/recognition/recognise';
import { loadWildSet, wildSignals } from '../helpers/wild-set';
const pages = loadWildSet().filter((p) => p.split === 'dev');
const index = shippedIndex();
let extra = 0, partial = 0;
for (const p of pages) {
  const r = recognise(wildSignals(p), index);
  const got = r?.items.map((i) => i.id) ?? [];
  const bad = got.filter((g) => !p.items.includes(g));
  if (p.items.length === 0 && got.length) console.log('NEG', p.url, p.title, got, JSON.stringify(r!.reason));
  else if (bad.length && got.length > bad.length) { partial++; console.log('EXTRA', r!.resource.id, p.url, '|', p.title, '| want', p.items.join(','), '| bad', bad.join(','), JSON.stringify(r!.reason).slice(0, 200)); }
}
console.log({ partial });
