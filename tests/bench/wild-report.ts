/**
 * `npm run wild`: the recognition figures on the development set of real pages, development
 * (each source measured by a model learnt without it) beside held-out (the shipped model, learnt
 * without any of them), by source kind and by level, and the older "seen" set on its own.
 * With `--misses`, the development pages tagged wrongly or not at all, as the leave-one-source-
 * out model tagged them (never the held-out ones: those pages are for measuring, not tuning).
 */
import { loadRecognitionData } from '../../lib/cli/load-data';
import { itemLevelsOf } from '../../lib/recognition/rule-index';
import type { WildFigures } from '../helpers/wild-set';
import { agreement, breakdown, leaveOneSourceOutRuns, shippedRuns, type Run } from './wild';

const levels = itemLevelsOf(loadRecognitionData().guide);
// With `--dev`, the development figures alone (the held-out columns repeat the development ones'
// shape but are not measured): for iterating, where held-out figures must not be looked at.
const devOnly = process.argv.includes('--dev');
const dev = leaveOneSourceOutRuns();
const { holdout, seen } = devOnly ? { holdout: dev, seen: dev } : shippedRuns();
const [d, h, s] = [dev, holdout, seen].map((runs) => breakdown(runs, levels));

const pct = (v: number) => v.toFixed(3);
const cell = (f: WildFigures) =>
  `${pct(f.recall)} ${pct(f.precision)} ${pct(f.offGuideLeft)} ${pct(f.notLearningLeft)}  (${f.guide}/${f.offGuide}/${f.notLearning})`;
const row = (name: string, a: WildFigures, b: WildFigures) =>
  console.log(`${name.padEnd(34)} ${cell(a).padEnd(44)} ${devOnly ? '' : cell(b)}`);

console.log(
  `${''.padEnd(34)} ${'development, leave one source out'.padEnd(44)} ${devOnly ? '' : 'held out (shipped model)'}`,
);
console.log(
  `${'pages'.padEnd(34)} ${'recall prec. off-guide not-learning left'.padEnd(44)} (guide/off-guide/not-learning pages)`,
);
row('docs, with headings (any site)', d!.docs, h!.docs);
row('docs, learning sites only', d!.docsLearningSitesOnly, h!.docsLearningSitesOnly);
row('lists, title only (any site)', d!.list, h!.list);
row('all', d!.all, h!.all);
console.log('\nby level (recall, precision of its tags; guide pages/tags)');
for (let i = 0; i < 7; i++) {
  const [a, b] = [d!.levels[i]!, h!.levels[i]!];
  console.log(
    `  level ${a.level}  dev ${pct(a.recall)} ${pct(a.precision)} (${a.guide}/${a.tags})`.padEnd(
      44,
    ) + (devOnly ? '' : `held out ${pct(b.recall)} ${pct(b.precision)} (${b.guide}/${b.tags})`),
  );
}
const [ad, ah] = [dev, holdout].map(agreement);
console.log(
  '\ntwo labellers, each judged by the other (tests/fixtures/wild/agreement/), same columns',
);
for (const [name, key] of [
  ['second labeller, by the first', 'secondByFirst'],
  ['first labels, by the second', 'firstBySecond'],
  ['first labels, by the settled', 'firstBySettled'],
  ['second labeller, by the settled', 'secondBySettled'],
  ['recogniser, by the first', 'recogniserByFirst'],
  ['recogniser, by the second', 'recogniserBySecond'],
] as const)
  row(name, ad![key], ah![key]);
if (!devOnly)
  console.log(
    `\nseen (written from memory; the rules were partly written from it, and the model learns from it)\n  recall ${pct(s!.all.recall)} precision ${pct(s!.all.precision)} pages to leave alone untagged ${s!.all.notLearningUntagged}/${s!.all.notLearning}`,
  );

if (process.argv.includes('--misses')) {
  console.log('\ndevelopment misses (leave one source out):');
  for (const { page, found } of dev as Run[]) {
    const got = found?.items.map((i) => i.id) ?? [];
    const wrong = got.filter((id) => !page.items.includes(id));
    const missed = page.label === 'guide' && got.length === wrong.length;
    if (wrong.length === 0 && !missed) continue;
    console.log(
      JSON.stringify({
        source: page.source,
        url: page.url,
        title: page.title,
        label: page.label,
        expected: page.items,
        got,
        resource: found?.resource.id ?? null,
        reason: found?.reason ?? null,
      }),
    );
  }
}
