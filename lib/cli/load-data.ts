import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../schemas/zod';
import { Guide, TopicVocabulary } from '../schemas/guide';
import { KeyPhraseFile } from '../schemas/key-phrases';
import { LearningSitesFile } from '../schemas/learning-sites';
import { IdentifierSites, NotLearningPages, ResourceRuleFile } from '../schemas/resource-rules';

/** The data folder, resolved from this file so the CLIs work from any working directory. */
export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data');

export class DataFileError extends Error {}

/** Reads and validates one JSON file, naming the file and each failing path on error. */
export function readDataFile<T extends z.ZodMiniType>(path: string, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new DataFileError(`${path}:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export function loadGuideData(dir = DATA_DIR) {
  return {
    guide: readDataFile(join(dir, 'guides', 'backend-engineering.json'), Guide),
    vocabulary: readDataFile(join(dir, 'topics.json'), TopicVocabulary),
  };
}

export function loadRuleFiles(dir = DATA_DIR) {
  const rulesDir = join(dir, 'rules');
  return readdirSync(rulesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, file: readDataFile(join(rulesDir, name), ResourceRuleFile) }));
}

export function loadIdentifierSites(dir = DATA_DIR) {
  return readDataFile(join(dir, 'identifier-sites.json'), IdentifierSites);
}

export function loadKeyPhrases(dir = DATA_DIR) {
  return readDataFile(join(dir, 'key-phrases.json'), KeyPhraseFile);
}

/** Everything recognition reads, validated. */
export function loadRecognitionData(dir = DATA_DIR) {
  return {
    ...loadGuideData(dir),
    rules: loadRuleFiles(dir).flatMap(({ file }) => file.resources),
    sites: loadIdentifierSites(dir),
    keyPhrases: loadKeyPhrases(dir),
    notLearning: readDataFile(join(dir, 'not-learning-pages.json'), NotLearningPages),
    learningSites: readDataFile(join(dir, 'learning-sites.json'), LearningSitesFile),
  };
}
