import { z } from 'zod';
import { StableId } from './ids';

/** A phrase as people write it: words, digits and a few joiners ("read-your-writes", "c#"). */
const Phrase = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .'’/+#-]*$/u, 'a phrase is words, like "write skew"');

export const ItemPhrases = z
  .object({
    /** Each names the item's subject on its own: in a page's title it is enough to tag. */
    strong: z.array(Phrase).min(1),
    /** Words that support a strong phrase but are too broad to tag a page alone. */
    weak: z.array(Phrase).default([]),
  })
  .strict();

/** A page's words, as the content script reads them, and the items they must tag. */
export const PhraseExample = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    headings: z.array(z.string()).optional(),
    /** Exactly the items the words tag; empty for a counter-example. */
    items: z.array(StableId),
  })
  .strict();

export const KeyPhraseFile = z
  .object({
    $schema: z.string().optional(),
    /**
     * Words that also name something else (a writer, a boat, a sleep): never a strong phrase on
     * their own. "Kafka consumer group" may be strong; "Kafka" may only be weak.
     */
    ambiguous: z.array(z.string().min(2)).default([]),
    items: z.record(StableId, ItemPhrases),
    examples: z.array(PhraseExample).min(1),
  })
  .strict();

export type ItemPhrases = z.infer<typeof ItemPhrases>;
export type PhraseExample = z.infer<typeof PhraseExample>;
export type KeyPhraseFile = z.infer<typeof KeyPhraseFile>;
