import { TOPIC_VOCABULARY } from '../builtin/guide';

const LABELS = new Map(TOPIC_VOCABULARY.topics.map((topic) => [topic.id, topic.label]));

/** A topic's label for people; the id itself if the vocabulary lacks it. */
export function topicLabel(topicId: string): string {
  return LABELS.get(topicId) ?? topicId;
}
