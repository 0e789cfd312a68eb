import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function run(lines: string[]): unknown[] {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/recognize.ts'], {
    cwd: ROOT,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('npm run recognize', () => {
  it('answers one line per input, in order, and goes on after bad lines', () => {
    const out = run([
      JSON.stringify({
        url: 'https://queue.acm.org/detail.cfm?id=1466448',
        title: 'Eventually Consistent',
      }),
      'this is not json',
      JSON.stringify({ title: 'no url' }),
      JSON.stringify({ url: 'https://example.org/' }),
      JSON.stringify({
        url: 'https://library.example.edu/record/7',
        html: '<html><head><meta name="citation_isbn" content="978-1-4493-7332-0"></head></html>',
      }),
    ]);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({
      url: 'https://queue.acm.org/detail.cfm?id=1466448',
      resource: { id: 'eventually-consistent', title: expect.any(String) },
    });
    expect(
      (out[0] as { items: { level: number }[] }).items.every((i) => i.level >= 4 && i.level <= 6),
    ).toBe(true);
    expect(out[1]).toEqual({ error: expect.stringContaining('not JSON') });
    expect(out[2]).toEqual({ error: expect.stringContaining('url') });
    expect(out[3]).toEqual({ url: 'https://example.org/', resource: null, items: [], topics: [] });
    expect(out[4]).toMatchObject({ resource: { id: 'ddia' } });
  });
});
