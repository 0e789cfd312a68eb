import { shippedIndex } from '@/lib/cli/recognize-lines';
import { recognise } from '@/lib/domain/recognition/recognise';
import { loadWildSet, wildSignals } from '../helpers/wild-set';
const pages = loadWildSet().filter((p) => p.split === 'dev');
const index = shippedIndex();
const hosts = new Map<string, number>();
let unrec = 0,
  wrong = 0,
  none = 0;
const out: string[] = [];
for (const p of pages) {
  if (p.items.length === 0) continue;
  const r = recognise(wildSignals(p), index);
  const got = r?.items.map((i) => i.id) ?? [];
  const good = got.filter((g) => p.items.includes(g));
  if (!r) {
    unrec++;
    const h = new URL(p.url).host.replace(/^www\./, '');
    hosts.set(h, (hosts.get(h) ?? 0) + 1);
  } else if (got.length === 0) {
    none++;
    out.push(`NONE ${r.resource.id} ${p.url} | ${p.title} | want ${p.items}`);
  } else if (good.length === 0) {
    wrong++;
    out.push(
      `WRONG ${r.resource.id} ${p.url} | ${p.title} | want ${p.items} got ${got} ${JSON.stringify(r.reason)}`,
    );
  }
}
console.log({ unrec, none, wrong });
console.log(
  [...hosts]
    .sort((a, b) => b[1] - a[1])
    .map(([h, n]) => `${h}:${n}`)
    .join(' '),
);
if (process.argv[2]) for (const l of out) console.log(l);
