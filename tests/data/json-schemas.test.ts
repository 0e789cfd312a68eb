import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '@/lib/cli/json-schemas';
import { DATA_DIR } from '@/lib/cli/load-data';

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))(
    'data/schemas/%s is up to date (run `npm run schemas`)',
    (name, schema) => {
      const published = JSON.parse(readFileSync(join(DATA_DIR, 'schemas', name), 'utf8'));
      expect(published).toEqual(JSON.parse(JSON.stringify(schema)));
    },
  );
});
