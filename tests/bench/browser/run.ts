/**
 * `npm run bench:browser [-- --rounds N] [--enforce] [--no-build]`: Levelmate against a FLOOR
 * extension (floor-extension.ts, written in the same run: a one-line worker that stores a row
 * when its content script reports a page, one checkbox for a page), each loaded in its own
 * headless Chromium (tests/e2e/extension.ts), measured in N rounds (default 8) that interleave
 * the arms (the arm that goes first alternates). Prints one JSON line per figure — medians, min
 * and max of each arm, ratio of medians, budget — and a summary line. Budgets are reported,
 * not enforced (exit 0), unless --enforce (exit 1 when a ratio is over its budget). Progress
 * goes to stderr. Levelmate's database is seeded with a year of use (seed-year.ts) in two
 * steps: a state for every item and daily activity, then the side panel is measured with
 * 0 visits (N rounds); then 100,000 visits, then every other figure (N rounds). Each set of
 * rounds starts with one unmeasured warm-up round per arm.
 *
 * The figures (ratio Levelmate / floor; budget):
 *  - visit-recorded-cold (1.5): worker stopped and the extension's process gone, a tab opens the
 *    learning page; main-frame commit (Page.frameNavigated) to the commit of the transaction
 *    writing the visit (Storage.indexedDBContentUpdated on Levelmate's visitDays, the floor's
 *    visits). Each round visits a new address (?bench-round=N): a first visit.
 *  - worker-script-eval (5): a cold worker start in a browser-wide trace; the EvaluateScript
 *    event of the worker's script (compile, from code cache, plus the top-level run).
 *  - worker-heap (4): the worker's used JS heap after a full GC, after its start and one visit.
 *  - sidepanel-first-checkbox-0-visits, -100k-visits (2): the side panel page in a 400 × 800
 *    tab; navigation start to the first checkbox on screen (MutationObserver, then the frame
 *    after it; paint-probe.ts), before and after the visits are seeded.
 *  - popup-painted (2): the same for the popup page and its first button or checkbox.
 *  - memory (2): private memory footprint (RssAnon + VmSwap) of the extension's process, which
 *    holds the worker and the open side panel page, after a GC in both (Linux /proc).
 *  - js-heap-worker-and-panel (2): the worker's plus the side panel page's used JS heap, at the
 *    same moment (the portable half of "memory").
 *  - page-setup (2): the learning tab's ScriptDuration (CDP Performance metrics) up to 1 s after
 *    the visit was written: the page has no script of its own, so it is the JavaScript the
 *    extension's content scripts ran in it (Levelmate's chip included).
 * Details of each method sit beside its code in figures.ts. BENCH_DEBUG=1 also logs how long each
 * step of a round took.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchFloor, launchLevelmate, type Arm } from './arms';
import { FIGURES, measureEmptyRound, measureRound, type RoundResult } from './figures';
import { figureLine } from './report';
import { firstPaint, openWithPaintProbe } from './paint-probe';
import { seedChecklist, seedVisits } from './seed-year';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SEEDED_VISITS = 100_000;

const log = (message: string) => process.stderr.write(`[bench:browser] ${message}\n`);
const emit = (line: object) => console.log(JSON.stringify(line));

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '8' },
    enforce: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const rounds = Number(flags.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds must be a whole number of at least 1 (got ${flags.rounds})`);
  process.exit(2);
}

// Playwright attaches to every service worker as it starts and holds it until answered; with
// its network inspection off that is one round trip (Runtime.enable, runIfWaitingForDebugger).
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

/** Runs `step` in a page of Levelmate's that runs none of its code (for raw IndexedDB). */
async function onQuietPage(arm: Arm, step: (page: Page) => Promise<void>): Promise<void> {
  const page = await arm.ext.context.newPage();
  await page.goto(arm.quietUrl);
  await step(page);
  await page.close();
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!flags['no-build']) {
    log('building Levelmate (npm run build)');
    execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const since = () => `${Math.round((performance.now() - started) / 1000)} s`;
  log(`launching both browsers (${since()})`);
  const levelmate = await launchLevelmate();
  const floor = await launchFloor();
  const chromium = levelmate.ext.context.browser()?.version() ?? 'unknown';
  const loadBefore = loadavg()[0]!;
  log(`launched Chromium ${chromium} (${since()})`);
  const arms = [levelmate, floor];
  const samples = new Map<string, number[]>();
  const firstElements = new Set<string>();
  const problems: string[] = [];
  /** A warm-up round per arm (not counted), then `rounds` rounds, the arm going first alternating. */
  const runRounds = async (measure: (arm: Arm, round: number) => Promise<RoundResult>) => {
    for (let round = 0; round <= rounds; round++) {
      const order = round % 2 === 1 ? [levelmate, floor] : [floor, levelmate];
      for (const arm of order) {
        const result = await measure(arm, round);
        for (const [figure, value] of Object.entries(result.values)) {
          const key = `${arm.name}:${figure}`;
          if (round > 0) samples.set(key, [...(samples.get(key) ?? []), value]);
        }
        for (const note of result.notes) {
          if (/ (side panel|popup): /.test(note)) firstElements.add(note);
          else if (/ took /.test(note)) log(`round ${round}: ${note}`);
          else {
            log(`round ${round}: ${note}`);
            if (round > 0) problems.push(`round ${round}: ${note}`);
          }
        }
      }
      log(`round ${round}/${rounds} done${round === 0 ? ' (warm-up)' : ''} (${since()})`);
    }
  };
  try {
    // Levelmate creates its database when its side panel first opens.
    const panel = () => levelmate.ext.context.newPage();
    await firstPaint(await openWithPaintProbe(panel, levelmate.panelUrl, 'input[type=checkbox]'));
    await levelmate.closeExtensionPages();
    await onQuietPage(levelmate, seedChecklist);
    log(`seeded the checklist's year; side panel with 0 visits (${since()})`);
    await runRounds(measureEmptyRound);
    await onQuietPage(levelmate, async (page) => {
      const seeded = await seedVisits(page, SEEDED_VISITS);
      log(`seeded ${seeded} visits; every other figure (${since()})`);
    });
    await runRounds(measureRound);
  } finally {
    await Promise.allSettled(arms.map((arm) => arm.close()));
  }

  const lines = FIGURES.map((figure) =>
    figureLine(
      figure,
      samples.get(`levelmate:${figure.name}`) ?? [],
      samples.get(`floor:${figure.name}`) ?? [],
    ),
  );
  for (const line of lines) emit(line);
  const over = lines.filter((l) => l.withinBudget === false).map((l) => l.figure);
  emit({
    summary: true,
    rounds,
    figures: lines.length,
    withinBudget: lines.filter((l) => l.withinBudget === true).length,
    overBudget: over,
    unmeasured: lines.filter((l) => l.withinBudget === null).map((l) => l.figure),
    seededVisits: SEEDED_VISITS,
    chromium,
    cores: cpus().length,
    // The machine's load (1-minute average) as the run began and ended: other work on the
    // machine slows both arms, and the ratios less than the times.
    loadAverage: [loadBefore, loadavg()[0]!].map((x) => Math.round(x * 10) / 10),
    // The element each paint figure saw first, in every round.
    firstElements: [...firstElements],
    problems,
    seconds: Math.round((performance.now() - started) / 1000),
  });
  if (flags.enforce && over.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
