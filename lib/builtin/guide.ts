import guideJson from '../../data/guides/backend-engineering.json';
import topicsJson from '../../data/topics.json';
import type { Guide, TopicVocabulary } from '../schemas/guide';

/*
 * The built-in guide, as shipped. The build loads and validates every data file and refuses
 * invalid data (wxt.config.ts), and the tests check that this is what ships; so no context
 * re-validates it, not even the service worker each time it wakes.
 */
export const BUILTIN_GUIDE = guideJson as Guide;
export const TOPIC_VOCABULARY = topicsJson as TopicVocabulary;
export const GUIDES: readonly Guide[] = [BUILTIN_GUIDE];
