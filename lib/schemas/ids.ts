import { z } from './zod';

/** Stable ids are lowercase kebab-case so they read well in URLs, exports and JSON diffs. */
export const StableId = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "http-methods"'),
    z.maxLength(80),
  );
