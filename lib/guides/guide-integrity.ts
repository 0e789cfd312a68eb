import type { Guide, TopicVocabulary } from '../schemas/guide';

/** Minimum checklist items per level (the guide's own promise to a learner). */
export const MIN_ITEMS_PER_LEVEL = 10;

/**
 * Cross-reference checks that a schema cannot express: unique ids, known topics and
 * references, levels in order, every topic used, and revision maps that point at real items.
 * Returns human-readable problems; an empty list means the guide is sound.
 */
export function guideProblems(guide: Guide, vocabulary: TopicVocabulary): string[] {
  const problems: string[] = [];
  const topicIds = new Set<string>();
  for (const topic of vocabulary.topics) {
    if (topicIds.has(topic.id)) problems.push(`topic "${topic.id}" is defined twice`);
    topicIds.add(topic.id);
  }

  const referenceIds = new Set<string>();
  for (const reference of guide.references) {
    if (referenceIds.has(reference.id))
      problems.push(`reference "${reference.id}" is defined twice`);
    referenceIds.add(reference.id);
  }

  const usedTopics = new Set<string>();
  const itemIds = new Set<string>();
  const levelIds = new Set<string>();
  const itemTexts = new Map<string, string>();
  guide.levels.forEach((level, index) => {
    const where = `level ${level.number}`;
    if (level.number !== index + 1) {
      problems.push(
        `${where} is at position ${index + 1}: levels must be numbered 1 to 7 in order`,
      );
    }
    if (levelIds.has(level.id)) problems.push(`level id "${level.id}" is used twice`);
    levelIds.add(level.id);
    if (level.items.length < MIN_ITEMS_PER_LEVEL) {
      problems.push(
        `${where} has ${level.items.length} items; it needs at least ${MIN_ITEMS_PER_LEVEL}`,
      );
    }
    for (const ref of level.references) {
      if (!referenceIds.has(ref)) problems.push(`${where} names unknown reference "${ref}"`);
    }
    for (const item of level.items) {
      if (itemIds.has(item.id) || levelIds.has(item.id)) {
        problems.push(`item id "${item.id}" (${where}) is used twice`);
      }
      itemIds.add(item.id);
      const normalised = item.text.toLowerCase().replace(/\W+/g, ' ').trim();
      const twin = itemTexts.get(normalised);
      if (twin) problems.push(`item "${item.id}" repeats the text of "${twin}"`);
      itemTexts.set(normalised, item.id);
      for (const topic of item.topics) {
        if (!topicIds.has(topic)) problems.push(`item "${item.id}" has unknown topic "${topic}"`);
        usedTopics.add(topic);
      }
    }
  });

  for (const reference of guide.references) {
    for (const number of reference.levels) {
      const level = guide.levels.find((l) => l.number === number);
      if (level && !level.references.includes(reference.id)) {
        problems.push(
          `reference "${reference.id}" informs level ${number}, but that level does not list it`,
        );
      }
    }
  }
  for (const level of guide.levels) {
    for (const ref of level.references) {
      const reference = guide.references.find((r) => r.id === ref);
      if (reference && !reference.levels.includes(level.number)) {
        problems.push(
          `level ${level.number} lists reference "${ref}", whose levels do not include it`,
        );
      }
    }
  }

  for (const topic of topicIds) {
    if (!usedTopics.has(topic)) problems.push(`topic "${topic}" is defined but no item uses it`);
  }

  for (let version = 1; version < guide.contentVersion; version++) {
    if (!guide.revisions.some((r) => r.fromVersion === version)) {
      problems.push(
        `no revision leads from version ${version}: saved progress could not follow the guide`,
      );
    }
  }
  for (const revision of guide.revisions) {
    if (revision.toVersion !== revision.fromVersion + 1) {
      problems.push(`revision ${revision.fromVersion}→${revision.toVersion} must step one version`);
    }
    if (revision.toVersion > guide.contentVersion) {
      problems.push(`revision to version ${revision.toVersion} is newer than the guide`);
    }
    if (revision.toVersion === guide.contentVersion) {
      for (const [oldId, target] of Object.entries(revision.idMap)) {
        const targets = target === null ? [] : Array.isArray(target) ? target : [target];
        for (const id of targets) {
          if (!itemIds.has(id)) problems.push(`revision maps "${oldId}" to unknown item "${id}"`);
        }
      }
    }
  }
  return problems;
}
