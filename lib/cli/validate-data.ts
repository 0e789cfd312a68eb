/** `npm run validate:data`: checks every file in data/ and exits non-zero with the problems. */
import { validateDataOrThrow } from './validate-data-core';

try {
  console.log(validateDataOrThrow());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
