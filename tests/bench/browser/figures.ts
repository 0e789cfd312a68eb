import type { Page } from 'playwright-core';
import { attachToTarget, traceWhile, until } from './cdp';
import { LEARNING_URL, type Arm } from './arms';
import { firstPaint, openWithPaintProbe } from './paint-probe';
import { canReadProcesses, extensionProcesses, privateFootprint } from './process-memory';

/*
 * One round of the figures for one arm: measureEmptyRound before Levelmate's visits are
 * seeded (the side panel's paint with 0 visits), measureRound after (everything else). Each
 * function measures one thing and answers a plain number (ms or bytes); run.ts interleaves the
 * arms and takes medians.
 */

export const FIGURES = [
  { name: 'visit-recorded-cold', unit: 'ms', budget: 1.5 },
  { name: 'worker-script-eval', unit: 'ms', budget: 5 },
  { name: 'worker-heap', unit: 'MB', budget: 4 },
  { name: 'sidepanel-first-checkbox-0-visits', unit: 'ms', budget: 2 },
  { name: 'sidepanel-first-checkbox-100k-visits', unit: 'ms', budget: 2 },
  { name: 'popup-painted', unit: 'ms', budget: 2 },
  { name: 'memory', unit: 'MB', budget: 2 },
  { name: 'js-heap-worker-and-panel', unit: 'MB', budget: 2 },
  { name: 'page-setup', unit: 'ms', budget: 2 },
] as const;

export type FigureName = (typeof FIGURES)[number]['name'];

export interface RoundResult {
  values: Partial<Record<FigureName, number>>;
  /** Which element each paint figure saw first, and anything that went wrong. */
  notes: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

/**
 * Stops the worker with no page of the extension open, so the extension's process ends too:
 * the next start is a cold start of process and worker, as after the browser stopped an idle
 * worker. Waits (up to 5 s) until the process is gone.
 */
async function stopCold(arm: Arm, notes: string[]): Promise<void> {
  await arm.closeExtensionPages();
  await arm.worker.stop();
  if (!canReadProcesses()) return void (await sleep(500));
  await until(
    'the extension process to end',
    () => extensionProcesses(arm.dir).length === 0,
    5000,
  ).catch(() => notes.push(`${arm.name}: extension process still alive after worker stop`));
}

/** The worker's target (for a protocol session on it). */
async function workerTarget(arm: Arm): Promise<string> {
  const { targetInfos } = await arm.browserSession.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === arm.workerScript);
  if (!target) throw new Error(`${arm.name}: no running service worker`);
  return target.targetId;
}

/** Forces a full garbage collection in the worker and answers its used JS heap, in bytes. */
async function workerHeapUsed(arm: Arm): Promise<number> {
  const worker = await attachToTarget(arm.browserSession, await workerTarget(arm));
  try {
    await worker.call('HeapProfiler.collectGarbage');
    const { usedSize } = await worker.call<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await worker.detach();
  }
}

/**
 * worker-script-eval: a cold start of the worker (ServiceWorker.startWorker, as an event
 * would start it) inside a browser-wide trace; the figure is the duration of the trace's
 * EvaluateScript event for the worker's script on the ServiceWorker thread: compiling (from
 * V8's code cache once there is one, as on every real start after the first) and running the
 * top-level script. A trace is the one method that sees the worker's first instant without
 * pausing it; the profiler or Runtime timing would need a debugger attached before it starts.
 */
async function workerScriptEval(arm: Arm, notes: string[]): Promise<number> {
  await stopCold(arm, notes);
  const events = await traceWhile(arm.browserSession, ['devtools.timeline'], async () => {
    await arm.worker.start();
    await sleep(300);
  });
  const evaluations = events.filter(
    (e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.url === arm.workerScript,
  );
  if (evaluations.length !== 1)
    throw new Error(`${arm.name}: ${evaluations.length} evaluations of the worker script traced`);
  return evaluations[0]!.dur! / 1000;
}

/**
 * visit-recorded-cold, worker-heap and page-setup, from one cold visit.
 *
 * visit-recorded-cold: the worker stopped and its process gone, a new tab navigates to the
 * learning page; from the main frame's commit (Page.frameNavigated) to the commit of the
 * transaction that wrote the visit's row (Storage.indexedDBContentUpdated for the arm's visit
 * store: Levelmate's visitDays, the floor's visits). Both events are taken as they arrive here,
 * over the same connection, so their delivery delay cancels.
 *
 * worker-heap: one second later, the worker's used JS heap after a forced full GC
 * (HeapProfiler.collectGarbage, Runtime.getHeapUsage on the worker's target).
 *
 * page-setup: at the same moment, the tab's ScriptDuration (Performance.getMetrics, enabled
 * before the navigation): the test page has no script of its own, so every millisecond of
 * JavaScript run in it is the extension's content scripts (Levelmate's chip included, which
 * it injects on a page's first visit).
 */
async function coldVisit(
  arm: Arm,
  round: number,
  notes: string[],
): Promise<{ visitMs: number; heapBytes: number; pageScriptMs: number }> {
  await stopCold(arm, notes);
  const tab = await arm.ext.context.newPage();
  try {
    const session = await arm.ext.context.newCDPSession(tab);
    await session.send('Page.enable');
    await session.send('Performance.enable');
    const url = `${LEARNING_URL}?bench-round=${round}`;
    // The write is awaited from the commit on: a late write of an earlier page (its reading
    // time, sent as its tab closed) cannot count.
    const seen: { committed?: number; written?: Promise<number> } = {};
    session.on('Page.frameNavigated', ({ frame }) => {
      if (frame.parentId || frame.url !== url || seen.committed !== undefined) return;
      seen.committed = performance.now();
      seen.written = arm.nextWrite(arm.visitStore.database, arm.visitStore.store);
    });
    await tab.goto(url);
    const { committed, written } = seen;
    if (committed === undefined || !written)
      throw new Error(`${arm.name}: no commit seen for ${url}`);
    const writtenAt = await written;
    await sleep(1000);
    const heapBytes = await workerHeapUsed(arm);
    const { metrics } = await session.send('Performance.getMetrics');
    const script = metrics.find((m) => m.name === 'ScriptDuration');
    if (!script) throw new Error('no ScriptDuration metric');
    return { visitMs: writtenAt - committed, heapBytes, pageScriptMs: script.value * 1000 };
  } finally {
    await tab.close();
  }
}

/**
 * sidepanel-first-checkbox-*: the side panel's page in a 400 × 800 tab; navigation start to the
 * first checkbox on screen (see paint-probe.ts). Answers the page, left open, and the time.
 */
async function openSidePanel(arm: Arm, notes: string[]): Promise<{ page: Page; paintMs: number }> {
  const page = await openWithPaintProbe(
    () => arm.ext.context.newPage(),
    arm.panelUrl,
    'input[type=checkbox]',
  );
  try {
    const painted = await firstPaint(page);
    notes.push(`${arm.name} side panel: ${painted.element}`);
    return { page, paintMs: painted.ms };
  } catch (error) {
    await page.close();
    throw error;
  }
}

/**
 * The side panel's paint, then, with that page still open and settled, memory and
 * js-heap-worker-and-panel.
 *
 * memory: the private memory footprint of the extension's process, which holds both the
 * worker and the side panel page, after a full GC in each (see process-memory.ts).
 * js-heap-worker-and-panel: the used JS heap of the worker plus that of the page.
 */
async function sidePanel(
  arm: Arm,
  notes: string[],
): Promise<{ paintMs: number; footprint?: number; jsHeap: number }> {
  const { page, paintMs } = await openSidePanel(arm, notes);
  try {
    await sleep(1500);
    await arm.worker.start();
    const session = await arm.ext.context.newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const panelHeap = await session.send('Runtime.getHeapUsage');
    const workerHeap = await workerHeapUsed(arm);
    await session.detach();
    await sleep(200);
    let footprint: number | undefined;
    if (canReadProcesses()) {
      const pids = extensionProcesses(arm.dir);
      if (pids.length === 1) footprint = privateFootprint(pids[0]!);
      else notes.push(`${arm.name}: ${pids.length} extension processes, memory not read`);
    }
    return { paintMs, footprint, jsHeap: panelHeap.usedSize + workerHeap };
  } finally {
    await page.close();
  }
}

/** popup-painted: the popup's page in a tab; navigation start to its first button or checkbox. */
async function popup(arm: Arm, notes: string[]): Promise<number> {
  const page: Page = await openWithPaintProbe(
    () => arm.ext.context.newPage(),
    arm.popupUrl,
    arm.popupSelector,
  );
  try {
    const painted = await firstPaint(page);
    notes.push(`${arm.name} popup: ${painted.element}`);
    return painted.ms;
  } finally {
    await page.close();
  }
}

/** Runs `measure`; a figure that fails is left out of the round and noted. */
async function attempt(
  arm: Arm,
  what: string,
  notes: string[],
  measure: () => Promise<void>,
): Promise<void> {
  const start = performance.now();
  try {
    await measure();
    if (process.env.BENCH_DEBUG)
      notes.push(`${arm.name} ${what} took ${Math.round(performance.now() - start)} ms`);
  } catch (error) {
    notes.push(`${arm.name} ${what} failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The side panel's paint with the checklist's year seeded and 0 visits. */
export async function measureEmptyRound(arm: Arm): Promise<RoundResult> {
  const values: RoundResult['values'] = {};
  const notes: string[] = [];
  await attempt(arm, 'side panel, 0 visits', notes, async () => {
    const { page, paintMs } = await openSidePanel(arm, notes);
    await page.close();
    values['sidepanel-first-checkbox-0-visits'] = paintMs;
  });
  await arm.closeExtensionPages();
  return { values, notes };
}

/** Every other figure once for `arm`, with the year's visits seeded. */
export async function measureRound(arm: Arm, round: number): Promise<RoundResult> {
  const values: RoundResult['values'] = {};
  const notes: string[] = [];
  await attempt(arm, 'worker-script-eval', notes, async () => {
    values['worker-script-eval'] = await workerScriptEval(arm, notes);
  });
  await attempt(arm, 'cold visit', notes, async () => {
    const visit = await coldVisit(arm, round, notes);
    values['visit-recorded-cold'] = visit.visitMs;
    values['worker-heap'] = visit.heapBytes / MB;
    values['page-setup'] = visit.pageScriptMs;
  });
  await attempt(arm, 'side panel', notes, async () => {
    const panel = await sidePanel(arm, notes);
    values['sidepanel-first-checkbox-100k-visits'] = panel.paintMs;
    if (panel.footprint !== undefined) values.memory = panel.footprint / MB;
    values['js-heap-worker-and-panel'] = panel.jsHeap / MB;
  });
  await attempt(arm, 'popup', notes, async () => {
    values['popup-painted'] = await popup(arm, notes);
  });
  await arm.closeExtensionPages();
  return { values, notes };
}
