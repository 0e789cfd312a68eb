import guideJson from '../../data/guides/backend-engineering.json';
import topicsJson from '../../data/topics.json';
import type { Guide, TopicVocabulary } from '../schemas/guide';

/*
 * The built-in guide, as shipped. The build refuses invalid data (wxt.config.ts), the tests
 * validate it, and the background validates it again at start-up; UI pages trust it so they
 * need not carry the validator.
 */
export const BUILTIN_GUIDE = guideJson as Guide;
export const TOPIC_VOCABULARY = topicsJson as TopicVocabulary;
export const GUIDES: readonly Guide[] = [BUILTIN_GUIDE];
