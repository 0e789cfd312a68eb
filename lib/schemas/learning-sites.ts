import { z } from './zod';

/*
 * Which sites Levelmate asks to read as learning sites. A rule's host is asked for unless it
 * is listed here: a shop, a social network or a chat service whose pages are rarely learning
 * pages (its learning pages are still recognised by their words with "recognise on any site").
 */
export const LearningSitesFile = z.strictObject({
  $schema: z.optional(z.string()),
  notAsked: z
    .array(
      z.strictObject({
        host: z.string().check(z.regex(/^[a-z0-9.-]+$/, 'a lowercase host like "example.org"')),
        why: z.string().check(z.minLength(10)),
      }),
    )
    .check(z.maxLength(500)),
});

export type LearningSitesFile = z.infer<typeof LearningSitesFile>;
