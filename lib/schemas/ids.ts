import { z } from 'zod';

/** Stable ids are lowercase kebab-case so they read well in URLs, exports and JSON diffs. */
export const StableId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "http-methods"')
  .max(80);
