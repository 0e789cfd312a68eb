import { z } from './zod';
import { StableId } from './ids';

export const DREYFUS_STAGES = [
  'novice',
  'advanced-beginner',
  'competent',
  'proficient',
  'expert',
] as const;
export const DreyfusStage = z.enum(DREYFUS_STAGES);

export const REFERENCE_KINDS = ['textbook', 'framework', 'curriculum', 'paper', 'theory'] as const;

export const LevelNumber = z.int().check(z.gte(1), z.lte(7));

export const Topic = z.object({
  id: StableId,
  label: z.string().check(z.minLength(2), z.maxLength(40)),
  description: z.string().check(z.minLength(10), z.maxLength(240)),
});

export const TopicVocabulary = z.object({
  $schema: z.optional(z.string()),
  topics: z.array(Topic).check(z.minLength(1)),
});

export const Reference = z.object({
  id: StableId,
  title: z.string().check(z.minLength(3)),
  authors: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  year: z.int().check(z.gte(1900), z.lte(2100)),
  kind: z.enum(REFERENCE_KINDS),
  /** The reference's role in this guide, in the guide's own words. */
  description: z.string().check(z.minLength(40), z.maxLength(600)),
  levels: z.array(LevelNumber).check(z.minLength(1)),
  url: z.url({ protocol: /^https$/ }),
});

export const ChecklistItem = z.object({
  id: StableId,
  /** A name of a few words, for places with little room (the chip, tags, the popup). */
  short: z.string().check(z.minLength(3), z.maxLength(36)),
  /** A first-person, observable competency: "I can …". */
  text: z
    .string()
    .check(
      z.minLength(25),
      z.maxLength(220),
      z.regex(/^I /, 'an item is a competency a person can tick, written as "I …"'),
    ),
  topics: z.array(StableId).check(z.minLength(1), z.maxLength(4)),
});

export const Level = z.object({
  id: StableId,
  number: LevelNumber,
  name: z.string().check(z.minLength(3), z.maxLength(40)),
  dreyfusStage: DreyfusStage,
  /** SFIA 8 level of responsibility (1 Follow … 7 Set strategy, inspire, mobilise). */
  sfiaLevel: LevelNumber,
  summary: z.string().check(z.minLength(80), z.maxLength(700)),
  whatComesNext: z.string().check(z.minLength(80), z.maxLength(700)),
  references: z.array(StableId).check(z.minLength(1)),
  items: z.array(ChecklistItem).check(z.minLength(10)),
});

/**
 * How saved progress moves from one content version to the next. Each old item id maps to
 * the id that replaces it (a rename), the same new id as other old ids (a merge), several new
 * ids (a split), or null (removed: the saved state is archived, never deleted).
 */
export const GuideRevision = z.object({
  fromVersion: z.int().check(z.gte(1)),
  toVersion: z.int().check(z.gte(2)),
  idMap: z.record(StableId, z.union([StableId, z.array(StableId).check(z.minLength(1)), z.null()])),
});

export const Guide = z.object({
  $schema: z.optional(z.string()),
  id: StableId,
  contentVersion: z.int().check(z.gte(1)),
  title: z.string().check(z.minLength(3), z.maxLength(60)),
  tagline: z.string().check(z.minLength(10), z.maxLength(120)),
  description: z.string().check(z.minLength(80), z.maxLength(900)),
  references: z.array(Reference).check(z.minLength(1)),
  levels: z.array(Level).check(z.length(7)),
  revisions: z.array(GuideRevision),
});

export type DreyfusStage = z.infer<typeof DreyfusStage>;
export type Topic = z.infer<typeof Topic>;
export type TopicVocabulary = z.infer<typeof TopicVocabulary>;
export type Reference = z.infer<typeof Reference>;
export type ChecklistItem = z.infer<typeof ChecklistItem>;
export type Level = z.infer<typeof Level>;
export type GuideRevision = z.infer<typeof GuideRevision>;
export type Guide = z.infer<typeof Guide>;
