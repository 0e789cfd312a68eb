import { z } from '../schemas/zod';
import { Guide, TopicVocabulary } from '../schemas/guide';
import { KeyPhraseFile } from '../schemas/key-phrases';
import { LearningSitesFile } from '../schemas/learning-sites';
import { IdentifierSites, NotLearningPages, ResourceRuleFile } from '../schemas/resource-rules';

/** The JSON Schemas published in data/schemas/, by file name. */
export function jsonSchemas(): Record<string, unknown> {
  const schema = (type: z.ZodMiniType) =>
    z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });
  return {
    'guide.schema.json': schema(Guide),
    'topics.schema.json': schema(TopicVocabulary),
    'resource-rules.schema.json': schema(ResourceRuleFile),
    'identifier-sites.schema.json': schema(IdentifierSites),
    'key-phrases.schema.json': schema(KeyPhraseFile),
    'not-learning-pages.schema.json': schema(NotLearningPages),
    'learning-sites.schema.json': schema(LearningSitesFile),
  };
}
