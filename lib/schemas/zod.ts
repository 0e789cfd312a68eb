import { z } from 'zod/mini';
import { en } from 'zod/locales';

/*
 * The Zod that the background and the pages check their data with: Zod Mini, whose schemas are
 * plain data built by functions. The full Zod builds every schema as an object with dozens of
 * methods, which made Zod the largest single cost of a service worker's start (its module set-up
 * and the schemas built at load); Mini checks the same way at a sixth of the size. Mini leaves
 * messages to a locale: English, as the full Zod gives them and as people read them in errors.
 */
z.config(en());

export { z };
