import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import {
  launchExtension,
  pageHtml,
  readTable,
  sendCommand,
  serve,
  type Extension,
  shippedGuide,
} from '../e2e/extension';

/*
 * `npm run soak [-- --ops N --seed S]`: random operations across two real Chromium profiles
 * of one person, whose sync storage is exchanged the way the browser's sync service would
 * (each profile's own keys reach the other): check-offs, notes, visits, sync off and on,
 * "delete everything", imports, with the service worker stopped at random points. At the
 * end both must hold the same progress, and nothing the person did not delete may be lost:
 * every item shows the state of its last change, every note its last words. Prints its
 * counts as JSON lines; exits non-zero on a difference.
 */

type Chrome = { chrome: typeof browser };
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OPS = arg('ops', 1000);
const SEED = arg('seed', 20261207);

/** A small seeded generator (mulberry32): the same seed plays the same soak. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const GUIDE = 'backend-engineering';
const guide = shippedGuide<{ levels: { items: { id: string }[] }[] }>();
/** A dozen items, so that both profiles often change the same ones. */
const ITEMS = guide.levels.flatMap((l) => l.items.map((i) => i.id)).slice(0, 12);
const STATES = ['not-started', 'learning', 'done', 'skipped'] as const;
const PAGES = [
  'https://sre.google/sre-book/service-level-objectives/',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods',
  'https://queue.acm.org/detail.cfm?id=1466448',
];

interface Profile {
  name: string;
  ext: Extension;
  panel: Page;
  syncOn: boolean;
}

/** Every change the person made, in the order made (ops run one after another). */
interface Change {
  t: number;
  profile: Profile;
  itemId: string;
  field: 'state' | 'note';
  value: string;
}
const changes: Change[] = [];
const counts: Record<string, number> = {};
let last = '';
const count = (what: string) => {
  counts[what] = (counts[what] ?? 0) + 1;
  last = what;
};

async function command(p: Profile, type: string, data: unknown = {}) {
  const reply = (await sendCommand(p.panel, type, data)) as {
    ok: boolean;
    value?: unknown;
    error?: string;
  };
  if (!reply?.ok) throw new Error(`${p.name} ${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value;
}

const area = (p: Profile) =>
  p.panel.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null));
const device = async (p: Profile) =>
  (
    (await p.panel.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.storage.local.get('syncMemory'),
    )) as { syncMemory?: { device: string } }
  ).syncMemory?.device;

/**
 * The browser's sync service, once: each profile's own keys reach the other, and keys a
 * profile removed from its own share leave the other too.
 */
async function exchange(profiles: readonly Profile[]) {
  const owned = await Promise.all(
    profiles.map(async (p) => {
      const d = await device(p);
      const all = (await area(p)) as Record<string, unknown>;
      return {
        p,
        d,
        own: Object.fromEntries(Object.entries(all).filter(([k]) => d && k.startsWith(`${d}.`))),
      };
    }),
  );
  for (const { p } of owned) {
    const others = owned.filter((o) => o.p !== p);
    const wanted = Object.assign({}, ...others.map((o) => o.own)) as Record<string, unknown>;
    await p.panel.evaluate(
      async ({ wanted, keep }) => {
        const sync = (globalThis as unknown as Chrome).chrome.storage.sync;
        const all = await sync.get(null);
        const stale = Object.keys(all).filter(
          (k) => !(k in wanted) && !keep.some((d) => d && k.startsWith(`${d}.`)),
        );
        if (stale.length > 0) await sync.remove(stale);
        const changed = Object.fromEntries(
          Object.entries(wanted).filter(([k, v]) => JSON.stringify(all[k]) !== JSON.stringify(v)),
        );
        if (Object.keys(changed).length > 0) await sync.set(changed);
      },
      { wanted, keep: [owned.find((o) => o.p === p)!.d] },
    );
  }
  count('exchanges');
}

/** A full sync round: every profile with sync on publishes, they exchange, and merge. */
async function round(profiles: readonly Profile[]) {
  for (const p of profiles) if (p.syncOn) await command(p, 'syncNow');
  await exchange(profiles);
  for (const p of profiles) if (p.syncOn) await command(p, 'syncNow');
  count('sync rounds');
}

async function stopWorker(p: Profile) {
  const session = await p.ext.context.newCDPSession(p.panel);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  count('worker stops');
}

async function visit(p: Profile) {
  const page = await p.ext.context.newPage();
  await page.goto(pick(PAGES));
  await page.waitForTimeout(300);
  await page.close();
  count('visits');
}

async function step(profiles: readonly Profile[], i: number) {
  const p = pick(profiles);
  const roll = rand();
  const before = log.length;
  if (roll < 0.35) {
    const itemId = pick(ITEMS);
    // A person changes what they see: the state shown now is never "changed" to itself.
    const shown = (await progress(p)).get(itemId)?.state ?? 'not-started';
    const state = pick(STATES.filter((s) => s !== shown));
    await command(p, 'setItemState', { guideId: GUIDE, itemId, state });
    log.push(`${i} ${p.name} item:${itemId} state ${state}`);
    changes.push({ t: i, profile: p, itemId, field: 'state', value: state });
    count('check-offs');
  } else if (roll < 0.55) {
    const itemId = pick(ITEMS);
    const note = `note ${i} from ${p.name}`;
    await command(p, 'setNote', { guideId: GUIDE, itemId, note });
    log.push(`${i} ${p.name} item:${itemId} note ${note}`);
    changes.push({ t: i, profile: p, itemId, field: 'note', value: note });
    count('notes');
  } else if (roll < 0.65) {
    await visit(p);
  } else if (roll < 0.72) {
    await exchange(profiles);
  } else if (roll < 0.74) {
    await round(profiles);
  } else if (roll < 0.78) {
    await stopWorker(p);
  } else if (roll < 0.84) {
    // Sync off, then later on again: what changed meanwhile is published when it comes back.
    p.syncOn = !p.syncOn;
    await command(p, 'setSync', { on: p.syncOn });
    count(p.syncOn ? 'sync on' : 'sync off');
  } else if (roll < 0.88 && profiles.every((o) => o.syncOn)) {
    // "Delete everything" in one profile, once all it has reached the other (both sync on, a
    // full round first): its copy goes, the other keeps everything, nothing is lost. (Deleting
    // what never left a browser is the person's own choice, and not what this checks.)
    await round(profiles);
    await command(p, 'deleteEverything');
    p.syncOn = false;
    count('delete everything');
  } else if (roll < 0.92) {
    // A backup of one profile merged into the other.
    const other = profiles.find((o) => o !== p)!;
    const text = await command(p, 'exportBackup');
    await command(other, 'importBackup', { text, mode: 'merge' });
    count('imports');
  } else {
    await command(p, 'syncNow');
    count('sync now');
  }
  if (log.length === before) log.push(`${i} ${p.name} ${last}`);
}

/** The last change of each item's field: what the person expects to see everywhere. */
function expected(field: Change['field']): Map<string, string> {
  const last = new Map<string, string>();
  for (const c of changes) if (c.field === field) last.set(c.itemId, c.value);
  return last;
}

/** What happened to an item, for a failure's message. */
const log: string[] = [];
function history(itemId: string): string {
  return `\n   ${log
    .filter((line) => line.includes(itemId) || !/item:/.test(line))
    .slice(-40)
    .join('\n   ')}`;
}

async function progress(p: Profile) {
  const rows = await readTable<{ itemId: string; state: string; note: string }>(
    p.panel,
    'itemStates',
  );
  return new Map(rows.map((r) => [r.itemId, r]));
}

async function main() {
  const started = Date.now();
  const profiles: Profile[] = [];
  for (const name of ['A', 'B']) {
    const ext = await launchExtension(undefined, { grant: 'learning-sites' });
    for (const url of PAGES) await serve(ext, url, pageHtml(`Soak page ${url}`));
    const panel = await ext.open('sidepanel');
    profiles.push({ name, ext, panel, syncOn: true });
    await sendCommand(panel, 'setSync', { on: true });
  }
  const failures: string[] = [];
  try {
    for (let i = 0; i < OPS; i++) {
      try {
        await step(profiles, i);
      } catch (error) {
        // A command refused (a worker stopped mid-answer): said, and the soak goes on.
        count('refused or interrupted');
        if (!/Receiving end|message port closed|no answer/i.test(String(error))) throw error;
      }
    }
    // The end: sync on everywhere, then enough exchanges and runs for every change to travel.
    for (const p of profiles) {
      if (!p.syncOn) await command(p, 'setSync', { on: true });
      p.syncOn = true;
    }
    for (let round = 0; round < 4; round++) {
      for (const p of profiles) await command(p, 'syncNow');
      await exchange(profiles);
      await profiles[0]!.panel.waitForTimeout(5_500);
    }
    const [a, b] = await Promise.all(profiles.map(progress));
    const view = (rows: Map<string, { state: string; note: string }>) =>
      JSON.stringify(
        [...rows]
          .filter(([, r]) => r.state !== 'not-started' || r.note !== '')
          .map(([id, r]) => [id, r.state, r.note])
          .sort(),
      );
    if (view(a!) !== view(b!)) failures.push(`A and B differ:\nA ${view(a!)}\nB ${view(b!)}`);
    if (process.env.SOAK_DEBUG) {
      for (const p of profiles) {
        console.log(p.name, JSON.stringify([...(await progress(p)).values()]));
        console.log(
          p.name,
          'memory',
          JSON.stringify(
            await p.panel.evaluate(() =>
              (globalThis as unknown as Chrome).chrome.storage.local.get(null),
            ),
          ),
        );
      }
    }
    const lastState = expected('state');
    const lastNote = expected('note');
    for (const [itemId, state] of lastState) {
      const got = a!.get(itemId)?.state ?? 'not-started';
      if (got !== state)
        failures.push(`${itemId}: last set to ${state}, holds ${got}${history(itemId)}`);
    }
    for (const [itemId, note] of lastNote) {
      if (!(a!.get(itemId)?.note ?? '').includes(note))
        failures.push(`${itemId}: the note "${note}" was lost${history(itemId)}`);
    }
  } finally {
    await Promise.all(profiles.map((p) => p.ext.close()));
  }
  for (const [what, n] of Object.entries(counts).sort())
    console.log(JSON.stringify({ soak: what, count: n }));
  console.log(
    JSON.stringify({
      soak: 'result',
      ops: OPS,
      seed: SEED,
      seconds: Math.round((Date.now() - started) / 1000),
      changes: changes.length,
      differences: failures.length,
    }),
  );
  if (failures.length > 0) {
    console.error(failures.slice(0, 20).join('\n'));
    process.exitCode = 1;
  }
}

await main();
