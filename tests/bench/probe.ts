import { join } from 'node:path';
import { launchExtension } from '../e2e/extension';
const ext = await launchExtension(join(import.meta.dirname, '../../.output/bench/chrome-mv3'));
const bench = await ext.open('bench');
for (const variant of ['none', 'compound', 'all', 'all-relaxed']) {
  const ms = await bench.evaluate(async (variant) => {
    const name = 'probe-' + variant;
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        const s = r.result.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
        if (variant !== 'none') s.createIndex('[url+firstVisitAt]', ['url', 'firstVisitAt'], { unique: true });
        if (variant.startsWith('all')) {
          s.createIndex('url', 'url'); s.createIndex('host', 'host'); s.createIndex('resourceId', 'resourceId');
          s.createIndex('itemIds', 'itemIds', { multiEntry: true }); s.createIndex('lastVisitAt', 'lastVisitAt');
        }
      };
      r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error);
    });
    const now = Date.now();
    const t = performance.now();
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('visits', 'readwrite', { durability: variant.endsWith('relaxed') ? 'relaxed' : 'default' });
      const s = tx.objectStore('visits');
      for (let i = 0; i < 100000; i++) s.add({ url: `https://docs.example-${i % 500}.org/guide/page-${i}`, host: `docs.example-${i % 500}.org`, title: `Study page ${i}: something about http methods and idempotency`, resourceId: i % 3 ? null : 'ddia', itemIds: ['a-' + (i % 91), 'b-' + (i % 13)], topics: ['http'], firstVisitAt: now - i, lastVisitAt: now - i + 60000, count: 1, activeMs: 0, source: 'auto' });
      tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error);
    });
    return performance.now() - t;
  }, variant);
  console.log(variant, Math.round(ms), 'ms');
}
await ext.close();
