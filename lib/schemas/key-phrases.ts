import { z } from './zod';
import { StableId } from './ids';

/** A phrase as people write it: words, digits and a few joiners ("read-your-writes", "c#"). */
const Phrase = z
  .string()
  .check(
    z.minLength(2),
    z.maxLength(80),
    z.regex(/^[\p{L}\p{N}][\p{L}\p{N} .'’/+#-]*$/u, 'a phrase is words, like "write skew"'),
  );

export const ItemPhrases = z.strictObject({
  /** Each names the item's subject on its own: in a page's title it is enough to tag. */
  strong: z.array(Phrase).check(z.minLength(1)),
  /** Words that support a strong phrase but are too broad to tag a page alone. */
  weak: z._default(z.array(Phrase), []),
});

/** A page's words, as the content script reads them, and the items they must tag. */
export const PhraseExample = z.strictObject({
  title: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  headings: z.optional(z.array(z.string())),
  /** Exactly the items the words tag; empty for a counter-example. */
  items: z.array(StableId),
});

export const KeyPhraseFile = z.strictObject({
  $schema: z.optional(z.string()),
  /**
   * Words that also name something else (a writer, a boat, a sleep): never a strong phrase on
   * their own. "Kafka consumer group" may be strong; "Kafka" may only be weak.
   */
  ambiguous: z._default(z.array(z.string().check(z.minLength(2))), []),
  items: z.record(StableId, ItemPhrases),
  examples: z.array(PhraseExample).check(z.minLength(1)),
});

export type ItemPhrases = z.infer<typeof ItemPhrases>;
export type PhraseExample = z.infer<typeof PhraseExample>;
export type KeyPhraseFile = z.infer<typeof KeyPhraseFile>;
