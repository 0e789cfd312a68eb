import { z } from 'zod';
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

export const LevelNumber = z.number().int().min(1).max(7);

export const Topic = z.object({
  id: StableId,
  label: z.string().min(2).max(40),
  description: z.string().min(10).max(240),
});

export const TopicVocabulary = z.object({
  $schema: z.string().optional(),
  topics: z.array(Topic).min(1),
});

export const Reference = z.object({
  id: StableId,
  title: z.string().min(3),
  authors: z.array(z.string().min(2)).min(1),
  year: z.number().int().min(1900).max(2100),
  kind: z.enum(REFERENCE_KINDS),
  /** The reference's role in this guide, in the guide's own words. */
  description: z.string().min(40).max(600),
  levels: z.array(LevelNumber).min(1),
  url: z.url({ protocol: /^https$/ }),
});

export const ChecklistItem = z.object({
  id: StableId,
  /** A name of a few words, for places with little room (the chip, tags, the popup). */
  short: z.string().min(3).max(36),
  /** A first-person, observable competency: "I can …". */
  text: z
    .string()
    .min(25)
    .max(220)
    .regex(/^I /, 'an item is a competency a person can tick, written as "I …"'),
  topics: z.array(StableId).min(1).max(4),
});

export const Level = z.object({
  id: StableId,
  number: LevelNumber,
  name: z.string().min(3).max(40),
  dreyfusStage: DreyfusStage,
  /** SFIA 8 level of responsibility (1 Follow … 7 Set strategy, inspire, mobilise). */
  sfiaLevel: LevelNumber,
  summary: z.string().min(80).max(700),
  whatComesNext: z.string().min(80).max(700),
  references: z.array(StableId).min(1),
  items: z.array(ChecklistItem).min(10),
});

/**
 * How saved progress moves from one content version to the next. Each old item id maps to
 * the id that replaces it (a rename), the same new id as other old ids (a merge), several new
 * ids (a split), or null (removed: the saved state is archived, never deleted).
 */
export const GuideRevision = z.object({
  fromVersion: z.number().int().min(1),
  toVersion: z.number().int().min(2),
  idMap: z.record(StableId, z.union([StableId, z.array(StableId).min(1), z.null()])),
});

export const Guide = z.object({
  $schema: z.string().optional(),
  id: StableId,
  contentVersion: z.number().int().min(1),
  title: z.string().min(3).max(60),
  tagline: z.string().min(10).max(120),
  description: z.string().min(80).max(900),
  references: z.array(Reference).min(1),
  levels: z.array(Level).length(7),
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
