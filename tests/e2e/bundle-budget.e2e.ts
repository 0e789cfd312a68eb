import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, bundleSizes } from '../bench/bundle-sizes';

const OUTPUT = join(import.meta.dirname, '..', '..', '.output');

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (build) => {
  it.each(bundleSizes(join(OUTPUT, build)))('keeps $entry within its budget', (size) => {
    expect(size.bytes).toBeLessThanOrEqual(BUNDLE_BUDGETS[size.entry]!);
  });
});
