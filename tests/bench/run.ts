/**
 * `npm run bench`: prints one JSON object per line, each {"metric", "value", ...}. Builds the
 * extension (and a bench build with a measuring page), then measures bundle sizes, the
 * recogniser in Node, and the database and background in a real Chromium.
 */
import { execSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRecognitionData } from '../../lib/cli/load-data';
import { shippedWordModel } from '../../lib/cli/model-data';
import { shippedData, shippedGate } from '../../lib/cli/shipped-data';
import { itemLevelsOf } from '../../lib/recognition/rule-index';
import { modelTerms } from '../../lib/recognition/word-model';
import { launchExtension } from '../e2e/extension';
import { hasHeadings, loadSourcePages, wildSignals } from '../helpers/wild-set';
import type { BenchApi } from './browser-api';
import { bundleSizes } from './bundle-sizes';
import {
  benchPages,
  generatedRules,
  indexBuildMs,
  recogniseNsPerPage,
  withHeadings,
  wordsUsPerPage,
} from './recogniser';
import { agreement, breakdown, shippedRuns } from './wild';

const ROOT = join(import.meta.dirname, '..', '..');
const VISITS = 100_000;
const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const round = (ms: number) => Math.round(ms * 100) / 100;

function build(env: Record<string, string> = {}) {
  execSync('npx wxt build', {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
}

// Recognition: the URL stage, the words stage, building the recogniser, and the figures on
// the held-out sources of the development set (measured by the shipped model).
const data = loadRecognitionData();
const { guide, sites } = data;
const shipped = data.rules;
const gate = shippedGate(data.notLearning);
const itemIds = guide.levels.flatMap((l) => l.items.map((i) => i.id));
const pages = benchPages(shipped);
recogniseNsPerPage(shipped, pages, sites, guide, gate); // warm-up: compile the hot path first
for (const rules of [shipped, [...shipped, ...generatedRules(20_000, itemIds)]]) {
  const value = recogniseNsPerPage(rules, pages, sites, guide, gate);
  emit({
    metric: 'recognise_ns_per_page',
    stage: 'url',
    rules: rules.length,
    pages: pages.length,
    value,
  });
}

const model = shippedWordModel(data);
const built = indexBuildMs(shipped, sites, guide, gate, model);
emit({
  metric: 'recogniser_build_warm_ms',
  value: round(built.total),
  words_ms: round(built.words),
});
// As a service worker starts: a fresh process, nothing compiled yet (median of 5 starts).
const startFile = join(tmpdir(), `levelmate-shipped-${process.pid}.json`);
const { wordModel: _learnt, ...catalogue } = shippedData().recognition;
writeFileSync(startFile, JSON.stringify({ ...catalogue, model, guide }));
const starts = Array.from({ length: 5 }, () => {
  const out = execSync(`npx tsx tests/bench/recogniser-start.ts ${startFile}`, { cwd: ROOT });
  return JSON.parse(out.toString()) as { buildMs: number; wordsMs: number; firstPageMs: number };
}).sort((a, b) => a.buildMs - b.buildMs);
rmSync(startFile);
const middle = starts[2]!;
emit({
  metric: 'recogniser_build_ms',
  value: round(middle.buildMs),
  words_ms: round(middle.wordsMs),
  first_page_ms: round(middle.firstPageMs),
  max: round(starts[4]!.buildMs),
});
emit({
  metric: 'word_model_bytes',
  value: JSON.stringify(model).length,
  terms: modelTerms(model).length,
});
const docsPages = loadSourcePages()
  .filter((p) => p.split === 'dev' && hasHeadings(p))
  .map(wildSignals);
wordsUsPerPage(model, docsPages); // warm-up
for (const headings of [16, 100]) {
  const value = wordsUsPerPage(model, withHeadings(docsPages, headings));
  emit({ metric: 'words_us_per_page', headings, pages: docsPages.length, value });
}

const heldRuns = shippedRuns().holdout;
const held = breakdown(heldRuns, itemLevelsOf(guide));
for (const [kind, f] of [
  ['docs', held.docs],
  ['docs, learning sites only', held.docsLearningSitesOnly],
  ['list', held.list],
] as const) {
  const of = { split: 'holdout', kind, pages: f.pages };
  emit({ metric: 'wild_recall', ...of, value: f.recall, of: f.guide });
  emit({ metric: 'wild_precision', ...of, value: f.precision, of: f.tags });
  emit({ metric: 'wild_off_guide_untagged', ...of, value: f.offGuideLeft, of: f.offGuide });
  emit({
    metric: 'wild_not_learning_untagged',
    ...of,
    value: f.notLearningLeft,
    of: f.notLearning,
  });
}
for (const level of held.levels) {
  emit({ metric: 'wild_level', split: 'holdout', ...level });
}
// Judged by the first labeller's labels alone: a second careful labeller, and the recogniser.
const twoLabellers = agreement(heldRuns);
for (const [who, f] of [
  ['second labeller', twoLabellers.secondByFirst],
  ['recogniser', twoLabellers.recogniserByFirst],
] as const) {
  emit({
    metric: 'wild_by_first_labels',
    split: 'holdout',
    who,
    pages: f.pages,
    recall: f.recall,
    precision: f.precision,
    off_guide_untagged: f.offGuideLeft,
    not_learning_untagged: f.notLearningLeft,
  });
}

// The builds come after the timings in Node: their worker processes would still be busy.
build();
for (const size of bundleSizes(join(ROOT, '.output/chrome-mv3'))) {
  emit({ metric: 'bundle_bytes', entry: size.entry, value: size.bytes, gzip: size.gzipBytes });
}

build({ LEVELMATE_BENCH: '1' });
const ext = await launchExtension(join(ROOT, '.output/bench/chrome-mv3'));
try {
  const bench = await ext.open('bench');
  type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
  const call = <K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>) =>
    bench.evaluate(
      ([n, a]) => (globalThis as unknown as { levelmateBench: Api }).levelmateBench[n]!(...a),
      [name, args] as [string, unknown[]],
    ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;

  emit({ metric: 'checkoff_persist_ms', value: round(await call('checkoffPersistMs', 40)) });
  emit({ metric: 'visit_record_ms', value: round(await call('visitRecordMs', 40)) });

  const floor = await call('importFloorMs', VISITS);
  const imported = await call('importMs', VISITS);
  emit({
    metric: 'import_ms',
    visits: VISITS,
    value: Math.round(imported.ms),
    bytes: imported.bytes,
    page_longest_stall_ms: Math.round(imported.pageLongestStallMs),
  });
  emit({ metric: 'import_floor_ms', visits: VISITS, value: Math.round(floor) });

  await call('seed', VISITS);
  const queries = await call('queryMs', 15);
  for (const [query, value] of [
    ['visits for one item', queries.visitsForItem],
    ['visits for an item last studied 300 days ago', queries.visitsForItem300DaysAgo],
    ['activity, last 12 weeks', queries.activity12Weeks],
    ['visits of one page', queries.visitsOfPage],
    ['the 20 most recent visits', queries.recentVisits],
  ] as const) {
    emit({ metric: 'visits_query_ms', visits: VISITS, query, value: round(value) });
  }

  // Writing 100,000 rows leaves the browser's database compacting for a few seconds; a person
  // opening the panel later does not pay for that, so the measurement waits it out.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  // Ready: the checklist's first checkbox, and (opened on it) the Studied view's first rows.
  const readyAt = async (view: string, selector: string) => {
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const panel = await ext.context.newPage();
      await panel.goto(`chrome-extension://${ext.id}/sidepanel.html${view}`);
      await panel.waitForFunction((s) => document.querySelector(s) !== null, selector, {
        polling: 'raf',
      });
      times.push(await panel.evaluate(() => performance.now()));
      await panel.close();
    }
    return times.sort((a, b) => a - b)[3]!;
  };
  const checklist = await readyAt('', 'input[type="checkbox"]');
  const studied = await readyAt('#studied', 'ul.visits a');
  emit({
    metric: 'sidepanel_ready_ms',
    visits: VISITS,
    value: Math.round(Math.max(checklist, studied)),
    checklist_ms: Math.round(checklist),
    studied_ms: Math.round(studied),
  });
} finally {
  await ext.close();
}
