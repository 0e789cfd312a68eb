/**
 * `npm run schemas`: writes JSON Schemas generated from the Zod schemas next to the data, so
 * editors autocomplete and check data files. A test fails when they are out of date.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './load-data';
import { jsonSchemas } from './json-schemas';

mkdirSync(join(DATA_DIR, 'schemas'), { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(DATA_DIR, 'schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote data/schemas/${name}`);
}
