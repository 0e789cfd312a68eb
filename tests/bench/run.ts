/**
 * `npm run bench`: prints one JSON object per line, each {"metric", "value", ...}. Builds the
 * extension (and a bench build with a measuring page), then measures bundle sizes, the
 * recogniser in Node, and the database and background in a real Chromium.
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import {
  loadGuideData,
  loadIdentifierSites,
  loadKeyPhrases,
  loadRuleFiles,
} from '../../lib/cli/load-data';
import { shippedIndex } from '../../lib/cli/recognize-lines';
import { launchExtension } from '../e2e/extension';
import type { BenchApi } from './browser-api';
import { bundleSizes } from './bundle-sizes';
import { benchPages, generatedRules, recogniseNsPerPage } from './recogniser';
import { keyPhraseUsPerPage, phraseIndexBuildMs, wildFigures } from './wild';

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

const { guide } = loadGuideData();
const sites = loadIdentifierSites();
const shipped = loadRuleFiles().flatMap(({ file }) => file.resources);
const itemIds = guide.levels.flatMap((l) => l.items.map((i) => i.id));
const pages = benchPages(shipped);
recogniseNsPerPage(shipped, pages, sites, guide); // warm-up: compile the hot path first
for (const rules of [shipped, [...shipped, ...generatedRules(20_000, itemIds)]]) {
  const value = recogniseNsPerPage(rules, pages, sites, guide);
  emit({ metric: 'recognise_ns_per_page', rules: rules.length, pages: pages.length, value });
}

const phrases = loadKeyPhrases().items;
emit({ metric: 'phrase_index_build_ms', value: round(phraseIndexBuildMs(phrases)) });
emit({ metric: 'key_phrase_us_per_page', value: round(keyPhraseUsPerPage(phrases)) });
const wild = wildFigures(shippedIndex());
for (const [split, figures] of Object.entries(wild)) {
  const pages = { split, pages: figures.pages };
  emit({ metric: 'wild_recall', ...pages, value: figures.recall });
  emit({ metric: 'wild_precision', ...pages, value: figures.precision });
  emit({
    metric: 'wild_negatives',
    ...pages,
    value: figures.negativesUntagged,
    of: figures.negatives,
    left_alone: figures.negativesLeftAlone,
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
