import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, bundleSizes } from '../bench/bundle-sizes';

const OUTPUT = join(import.meta.dirname, '..', '..', '.output');

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (build) => {
  const dir = join(OUTPUT, build);

  it.each(bundleSizes(dir))('keeps $entry within its budget', (size) => {
    expect(size.bytes).toBeLessThanOrEqual(BUNDLE_BUDGETS[size.entry]!);
  });

  // One character past ASCII makes the browser hold a whole script as a two-byte string,
  // which is slower to evaluate (wxt.config.ts).
  it('ships every script in plain ASCII', () => {
    const scripts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    );
    expect(scripts.length).toBeGreaterThan(4);
    const wide = scripts.filter((file) =>
      readFileSync(join(dir, file)).some((byte) => byte > 0x7f),
    );
    expect(wide).toEqual([]);
  });
});
