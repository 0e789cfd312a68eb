import type { CDPSession } from 'playwright-core';

/*
 * Chrome DevTools Protocol helpers the figures share: a session on a target Playwright does not
 * hand out (the service worker), a browser-wide trace, the worker's start and stop, and the
 * moment a row reaches IndexedDB.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `check` holds (polled), or fails after `timeout` ms saying what it waited for. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeout = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms: ${what}`);
    await sleep(20);
  }
}

export interface RawTarget {
  call<T = unknown>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/**
 * A protocol session on any target (a service worker here), through `session`: Playwright's
 * CDPSession cannot address a flattened child session, so messages go through
 * Target.sendMessageToTarget, as tests/e2e/extension.ts does for the real popup.
 */
export async function attachToTarget(session: CDPSession, targetId: string): Promise<RawTarget> {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id!);
    if (reply.error) waiting.reject(new Error(JSON.stringify(reply.error)));
    else waiting.resolve(reply.result);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  return {
    call<T>(method: string, params: object = {}) {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        session
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          })
          .catch(reject);
      });
    },
    async detach() {
      session.off('Target.receivedMessageFromTarget', onMessage);
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Records a browser-wide trace (every process) while `during` runs. `session` must be a
 * browser session: a page session's trace leaves out the extension's process.
 */
export async function traceWhile(
  session: CDPSession,
  categories: string[],
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories },
  });
  let failure: unknown;
  try {
    await during();
  } catch (error) {
    failure = error;
  }
  const complete = new Promise<string>((resolve) =>
    session.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await session.send('Tracing.end');
  const stream = await complete;
  if (failure) throw failure;
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * The extension's service worker, seen and driven through the ServiceWorker domain of a page
 * session (the domain does not exist on the browser target).
 */
export class WorkerControl {
  private status = new Map<string, RunningStatus>();

  private constructor(
    private readonly session: CDPSession,
    private readonly scopeURL: string,
  ) {}

  static async on(session: CDPSession, scopeURL: string): Promise<WorkerControl> {
    const control = new WorkerControl(session, scopeURL);
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.scriptURL.startsWith(scopeURL)) control.status.set(v.versionId, v.runningStatus);
      }
    });
    await session.send('ServiceWorker.enable');
    return control;
  }

  get running(): boolean {
    return [...this.status.values()].some((s) => s === 'running');
  }

  get stopped(): boolean {
    return [...this.status.values()].every((s) => s === 'stopped');
  }

  async stop(): Promise<void> {
    await this.session.send('ServiceWorker.stopAllWorkers');
    await until('the service worker to stop', () => this.stopped);
  }

  /** Starts the worker as an event would (no-op when it runs) and waits until it runs. */
  async start(): Promise<void> {
    await this.session.send('ServiceWorker.startWorker', { scopeURL: this.scopeURL });
    await until('the service worker to run', () => this.running);
  }
}

/**
 * Resolves with the time (performance.now() here) the browser reports a committed change to
 * `objectStore` of `database` at `origin` (Storage.indexedDBContentUpdated: Chromium sends it
 * when a read-write transaction that changed the store commits).
 */
export async function watchIndexedDB(
  session: CDPSession,
  origin: string,
): Promise<(database: string, objectStore: string, timeout?: number) => Promise<number>> {
  const waiting = new Set<{ database: string; store: string; resolve(at: number): void }>();
  session.on('Storage.indexedDBContentUpdated', (event) => {
    const at = performance.now();
    for (const w of waiting) {
      if (event.databaseName === w.database && event.objectStoreName === w.store) {
        waiting.delete(w);
        w.resolve(at);
      }
    }
  });
  await session.send('Storage.trackIndexedDBForOrigin', { origin });
  return (database, store, timeout = 15_000) =>
    new Promise<number>((resolve, reject) => {
      const entry = { database, store, resolve };
      waiting.add(entry);
      setTimeout(() => {
        if (!waiting.delete(entry)) return;
        reject(new Error(`no write to ${database}/${store} within ${timeout} ms`));
      }, timeout);
    });
}
