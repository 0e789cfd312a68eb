import { describe, expect, it } from 'vitest';
import { migrateItemStates } from '@/lib/guides/guide-migration';
import { guideProblems } from '@/lib/guides/guide-integrity';
import { TOPIC_VOCABULARY } from '@/lib/builtin/guide';
import type { ItemStateRecord } from '@/lib/schemas/records';
import fixture from '../fixtures/item-states-guide-v1.json';
import { guideV2 } from '../helpers/guide-v2';

const saved = fixture.states as ItemStateRecord[];
const NOW = Date.UTC(2026, 10, 22);

describe('migrating saved states to a new guide version', () => {
  const v2 = guideV2();
  const result = migrateItemStates(saved, 1, v2.revisions, NOW);
  const state = (id: string) => result.states.find((s) => s.itemId === id);

  it('uses a v2 guide that is itself valid', () => {
    expect(guideProblems(v2, TOPIC_VOCABULARY)).toEqual([]);
  });

  it("moves a renamed item's progress and note to the new id", () => {
    expect(state('request-lifecycle-trace')).toMatchObject({
      state: 'done',
      note: 'Traced a request with curl -v and dig 🎉',
    });
    expect(state('request-journey-dns-tcp')).toBeUndefined();
  });

  it('merges two items keeping the furthest progress and both notes', () => {
    const merged = state('http-foundations')!;
    expect(merged.state).toBe('done');
    expect(merged.note).toContain('<script>alert(1)</script>');
  });

  it("copies a split item's state to each new item", () => {
    expect(state('sql-reading-queries')?.state).toBe('done');
    expect(state('sql-writing-statements')?.state).toBe('done');
  });

  it('archives a removed item, never deletes it', () => {
    expect(state('http-methods-crud-mapping')).toBeUndefined();
    expect(result.archived).toContainEqual(
      expect.objectContaining({
        itemId: 'http-methods-crud-mapping',
        state: 'skipped',
        reason: 'removed',
        movedTo: [],
        fromVersion: 1,
      }),
    );
  });

  it('archives every replaced state, so each original row can still be found', () => {
    const replaced = [
      'request-journey-dns-tcp',
      'https-tls-basics',
      'http-message-anatomy',
      'sql-crud-statements',
      'http-methods-crud-mapping',
    ];
    expect(result.archived.map((a) => a.itemId).sort()).toEqual([...replaced].sort());
    expect(result.archived.find((a) => a.itemId === 'http-message-anatomy')?.reason).toBe('merged');
    expect(result.archived.find((a) => a.itemId === 'sql-crud-statements')?.reason).toBe('split');
  });

  it('keeps untouched and unknown ids as they were', () => {
    expect(state('an-item-from-the-future')).toMatchObject({ state: 'done' });
    expect(state('sql-joins-aggregation')).toEqual(
      saved.find((s) => s.itemId === 'sql-joins-aggregation'),
    );
    expect(result.version).toBe(2);
  });

  it('changes nothing when already at the newest version', () => {
    expect(migrateItemStates(saved, 2, v2.revisions, NOW)).toEqual({
      states: saved,
      archived: [],
      version: 2,
    });
  });

  it('handles no saved states', () => {
    expect(migrateItemStates([], 1, v2.revisions, NOW)).toEqual({
      states: [],
      archived: [],
      version: 2,
    });
  });
});
