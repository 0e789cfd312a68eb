import type { BackupTables } from '../schemas/backup';
import type { Guide } from '../schemas/guide';
import { migrateItemIds, migrateItemStates } from '../guides/guide-migration';
import { parsePageUrl } from '../web/url';

/** Why a backup cannot be imported: a sentence for people, and where exactly for "Details". */
export interface BackupProblem {
  summary: string;
  details: string;
}

const SHOWN_IDS = 3;

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).join(', ');
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Brings a backup's item ids up to the installed guides, exactly as start-up does: states
 * through the guide's revisions (renamed, merged, split, archived), and the ids a visit or a
 * rejected tag names through the same map. Throws nothing; what is still unknown is for
 * `unknownInBackup` to find.
 */
export function migrateBackup(
  tables: BackupTables,
  savedVersions: ReadonlyMap<string, number>,
  guides: readonly Guide[],
  now: number,
): BackupTables {
  const next: BackupTables = { ...tables };
  const versionOf = (guide: Guide) => savedVersions.get(guide.id) ?? guide.contentVersion;
  const migrateIds = (ids: readonly string[]) =>
    guides.reduce(
      (current, guide) => migrateItemIds(current, versionOf(guide), guide.revisions),
      [...ids],
    );
  for (const guide of guides) {
    const own = next.itemStates.filter((s) => s.guideId === guide.id);
    const others = next.itemStates.filter((s) => s.guideId !== guide.id);
    const migrated = migrateItemStates(own, versionOf(guide), guide.revisions, now);
    next.itemStates = [...others, ...migrated.states];
    next.archivedItemStates = [...next.archivedItemStates, ...migrated.archived];
    next.guideVersions = [
      ...next.guideVersions.filter((v) => v.guideId !== guide.id),
      { guideId: guide.id, contentVersion: guide.contentVersion, updatedAt: now },
    ];
  }
  next.visits = next.visits.map((v) => ({ ...v, itemIds: migrateIds(v.itemIds) }));
  next.urlChoices = next.urlChoices.map((c) => ({
    ...c,
    rejectedItemIds: migrateIds(c.rejectedItemIds),
  }));
  return next;
}

/**
 * What in a (migrated) backup this Levelmate does not know: item states of items or guides
 * that are not installed, visits tagged to unknown items or whose site is not their address's,
 * levels and versions of unknown guides. Any of it refuses the whole import.
 */
export function unknownInBackup(
  tables: BackupTables,
  guides: readonly Guide[],
): BackupProblem | null {
  const installed = new Map(
    guides.map((g) => [g.id, new Set(g.levels.flatMap((l) => l.items.map((i) => i.id)))]),
  );
  const knownItem = (id: string) => [...installed.values()].some((items) => items.has(id));
  const unknownIds = new Set<string>();
  const unknownGuides = new Set<string>();
  let states = 0;
  let visits = 0;
  const details: string[] = [];

  tables.itemStates.forEach((state, i) => {
    const items = installed.get(state.guideId);
    if (!items) unknownGuides.add(state.guideId);
    else if (!items.has(state.itemId)) unknownIds.add(state.itemId);
    else return;
    states++;
    details.push(`tables.itemStates.${i}: ${state.guideId} / ${state.itemId}`);
  });
  tables.visits.forEach((visit, i) => {
    const unknown = visit.itemIds.filter((id) => !knownItem(id));
    if (unknown.length === 0) return;
    for (const id of unknown) unknownIds.add(id);
    visits++;
    details.push(`tables.visits.${i}.itemIds: ${unknown.join(', ')}`);
  });
  const guideRefs: [string, string[]][] = [
    ['archivedItemStates', tables.archivedItemStates.map((a) => a.guideId)],
    ['guideVersions', tables.guideVersions.map((v) => v.guideId)],
    ['settings.currentLevels', Object.keys(tables.settings[0]?.currentLevels ?? {})],
  ];
  for (const [where, ids] of guideRefs) {
    for (const id of ids) {
      if (installed.has(id)) continue;
      unknownGuides.add(id);
      details.push(`tables.${where}: guide ${id}`);
    }
  }
  for (const choice of tables.urlChoices) {
    const unknown = choice.rejectedItemIds.filter((id) => !knownItem(id));
    for (const id of unknown) unknownIds.add(id);
    if (unknown.length > 0) details.push(`tables.urlChoices ${choice.url}: ${unknown.join(', ')}`);
  }

  if (unknownGuides.size > 0) {
    return {
      summary: `This backup is for ${count(unknownGuides.size, 'guide')} this Levelmate does not have (${listIds([...unknownGuides])}).`,
      details: details.join('\n'),
    };
  }
  if (unknownIds.size > 0) {
    const where = [
      states > 0 ? count(states, 'item state') : '',
      visits > 0 ? count(visits, 'studied page') : '',
    ].filter(Boolean);
    return {
      summary: `This backup names ${count(unknownIds.size, 'item')} this guide does not have (${listIds([...unknownIds])})${where.length > 0 ? `, in ${where.join(' and ')}` : ''}.`,
      details: details.join('\n'),
    };
  }
  const wrongHost = tables.visits.findIndex((v) => parsePageUrl(v.url)?.host !== v.host);
  if (wrongHost >= 0) {
    const visit = tables.visits[wrongHost]!;
    return {
      summary: `Studied page ${wrongHost + 1} is at ${visit.url} but says its site is ${visit.host}; the file may have been edited.`,
      details: `tables.visits.${wrongHost}.host`,
    };
  }
  return null;
}

/** Item states that hold progress (a state other than "not started", or a note). */
export function progressCount(states: readonly { state: string; note: string }[]): number {
  return states.filter((s) => s.state !== 'not-started' || s.note.trim() !== '').length;
}
