import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The FLOOR: the least an MV3 extension can be and still do what Levelmate does on a learning
 * page. Its worker is one line (a message from the page writes one row to IndexedDB), its
 * content script sends one message at document_idle, and its page (side panel and popup alike)
 * is empty but for one checkbox, the element the paint figures wait for. It is written to a fresh folder on every run, so it is built in the same
 * run as the Levelmate build it is compared with.
 */

/** Where the floor's worker writes: database, object store. */
export const FLOOR_DATABASE = 'floor';
export const FLOOR_STORE = 'visits';
export const FLOOR_WORKER = 'worker.js';
export const FLOOR_PAGE = 'floor.html';

const WORKER = `chrome.runtime.onMessage.addListener((m) => { const o = indexedDB.open('${FLOOR_DATABASE}', 1); o.onupgradeneeded = () => o.result.createObjectStore('${FLOOR_STORE}', { autoIncrement: true }); o.onsuccess = () => { const tx = o.result.transaction('${FLOOR_STORE}', 'readwrite'); tx.objectStore('${FLOOR_STORE}').add({ url: m.url, at: Date.now() }); tx.oncomplete = () => o.result.close(); }; });\n`;

const CONTENT = `chrome.runtime.sendMessage({ url: location.href });\n`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Floor</title></head><body><label><input type="checkbox"> Floor</label></body></html>\n`;

/**
 * Writes the floor extension into a new temporary folder and answers its path. `matches` are
 * the pages its content script runs on; they are granted statically (host_permissions), which
 * is the cheapest arrangement there is.
 */
export function writeFloorExtension(matches: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'levelmate-floor-'));
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Floor',
    version: '1.0.0',
    description: 'The least an extension can do: the floor Levelmate is measured against.',
    permissions: ['sidePanel'],
    host_permissions: [...matches],
    background: { service_worker: FLOOR_WORKER },
    content_scripts: [{ matches: [...matches], js: ['content.js'], run_at: 'document_idle' }],
    side_panel: { default_path: FLOOR_PAGE },
    action: { default_title: 'Floor', default_popup: FLOOR_PAGE },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, FLOOR_WORKER), WORKER);
  writeFileSync(join(dir, 'content.js'), CONTENT);
  writeFileSync(join(dir, FLOOR_PAGE), PAGE);
  return dir;
}
