import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RECOGNITION_FILE } from '../../lib/schemas/constants';

export interface BundleSize {
  entry: string;
  bytes: number;
  gzipBytes: number;
}

/** The JavaScript a page loads: its module script and every chunk it preloads. */
function pageScripts(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
}

/**
 * Sizes of each entrypoint's JavaScript in a built extension (shared chunks counted in each),
 * and of the recognition data the worker reads when the first page asks.
 */
export function bundleSizes(dir: string): BundleSize[] {
  const entries: Record<string, string[]> = {
    background: ['background.js'],
    recognition: [RECOGNITION_FILE],
    content: ['learning-page.js'],
    sidepanel: pageScripts(dir, 'sidepanel.html'),
    popup: pageScripts(dir, 'popup.html'),
  };
  return Object.entries(entries).map(([entry, files]) => {
    const contents = files.map((file) => readFileSync(join(dir, file)));
    return {
      entry,
      bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0),
      gzipBytes: contents.reduce((sum, buffer) => sum + gzipSync(buffer).length, 0),
    };
  });
}

/**
 * What each entry may weigh, in bytes (shared chunks counted in each page). The content
 * script runs on every learning page, so it is held tightest; the others load once per open.
 */
export const BUNDLE_BUDGETS: Record<string, number> = {
  content: 6_000,
  background: 320_000,
  recognition: 160_000,
  sidepanel: 520_000,
  popup: 450_000,
};
