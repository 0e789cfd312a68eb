import { describe, expect, it } from 'vitest';
import { BUILTIN_GUIDE } from '@/lib/builtin/guide';
import { applyGuideUpdate } from '@/lib/guides/updates-store';
import type { ItemStateRecord } from '@/lib/schemas/records';
import fixture from '../fixtures/item-states-guide-v1.json';
import { freshDb } from '../helpers/db';
import { guideV2 } from '../helpers/guide-v2';

const NOW = Date.UTC(2026, 10, 22);
const states = fixture.states as ItemStateRecord[];

describe('applyGuideUpdate at start-up', () => {
  it('records the installed version on first start', async () => {
    const db = freshDb();
    expect(await applyGuideUpdate(db, BUILTIN_GUIDE, NOW)).toEqual({
      guideId: BUILTIN_GUIDE.id,
      outcome: 'installed',
    });
    expect(await applyGuideUpdate(db, BUILTIN_GUIDE, NOW)).toMatchObject({ outcome: 'current' });
  });

  it('moves v1 states to v2 ids in one go and keeps the replaced ones archived', async () => {
    const db = freshDb();
    await db.itemStates.bulkPut(states);
    await db.guideVersions.put({ guideId: BUILTIN_GUIDE.id, contentVersion: 1, updatedAt: 0 });
    const outcome = await applyGuideUpdate(db, guideV2(), NOW);
    expect(outcome).toMatchObject({ outcome: 'migrated', from: 1, to: 2, archived: 5 });
    const ids = (await db.itemStates.toArray()).map((s) => s.itemId);
    expect(ids).toContain('request-lifecycle-trace');
    expect(ids).toContain('an-item-from-the-future');
    expect(ids).not.toContain('http-methods-crud-mapping');
    expect(await db.archivedItemStates.count()).toBe(5);
    expect((await db.guideVersions.get(BUILTIN_GUIDE.id))?.contentVersion).toBe(2);
    // a second start changes nothing more
    expect(await applyGuideUpdate(db, guideV2(), NOW + 1)).toMatchObject({ outcome: 'current' });
    expect(await db.archivedItemStates.count()).toBe(5);
  });

  it('leaves states saved by a newer Levelmate untouched', async () => {
    const db = freshDb();
    await db.itemStates.bulkPut(states);
    await db.guideVersions.put({ guideId: BUILTIN_GUIDE.id, contentVersion: 3, updatedAt: 0 });
    expect(await applyGuideUpdate(db, BUILTIN_GUIDE, NOW)).toMatchObject({
      outcome: 'newer-data',
      saved: 3,
    });
    expect(await db.itemStates.toArray()).toHaveLength(states.length);
  });
});
