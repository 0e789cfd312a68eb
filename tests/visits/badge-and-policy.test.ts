import { describe, expect, it } from 'vitest';
import { badgeFor, PAUSED_BADGE } from '@/lib/visits/badge';
import {
  cleanTitle,
  continuesSession,
  recordingBlocked,
  SESSION_GAP_MS,
  tagsFor,
} from '@/lib/visits/visit-policy';

const settings = { pausedUntil: null, excludedSites: ['news.example.com'] };
const T = 1_000_000;

const at = (...levels: number[]) => levels.map((level) => ({ level }));
const page = (patch: Partial<Parameters<typeof badgeFor>[0]> = {}) => ({
  resource: { title: 'DDIA' },
  items: at(6, 2, 4, 2),
  skipped: null,
  studiedBefore: false,
  ...patch,
});

describe('badgeFor', () => {
  it('shows nothing for an unrecognised page', () => {
    expect(badgeFor(page({ resource: null, items: [] }))).toBeNull();
  });

  it('names the lowest level of the items the page counts for, and the resource', () => {
    expect(badgeFor(page())).toEqual({
      text: 'L2',
      color: '#3b5bdb',
      title: 'Learning resource: DDIA — counts for levels 2, 4, 6',
    });
  });

  it('says so when a recognised page counts for no item', () => {
    expect(badgeFor(page({ items: [] }))).toMatchObject({
      text: '•',
      title: 'Learning resource: DDIA — counts for no checklist item',
    });
  });

  it('differs once the page was studied', () => {
    expect(
      badgeFor(page({ resource: { title: 'RFC 9110' }, items: at(1), studiedBefore: true })),
    ).toMatchObject({
      text: '✓',
      title: 'Studied before: RFC 9110 — counts for level 1',
    });
  });

  it('claims nothing on a page the person ruled out, and shows the paused mark while paused', () => {
    expect(badgeFor(page({ skipped: 'excluded' }))).toBeNull();
    expect(badgeFor(page({ skipped: 'not-learning', studiedBefore: true }))).toBeNull();
    expect(badgeFor(page({ skipped: 'incognito' }))).toBeNull();
    expect(badgeFor(page({ skipped: 'paused' }))).toBe(PAUSED_BADGE);
    expect(PAUSED_BADGE.text).not.toMatch(/^L\d|✓/);
  });
});

describe('visit policy', () => {
  it('blocks private windows, pauses, excluded sites and their subdomains, and rejected pages', () => {
    const page = { host: 'dataintensive.net', incognito: false };
    expect(recordingBlocked(settings, page, undefined, T)).toBeNull();
    expect(recordingBlocked(settings, { ...page, incognito: true }, undefined, T)).toBe(
      'incognito',
    );
    expect(recordingBlocked({ ...settings, pausedUntil: T + 1 }, page, undefined, T)).toBe(
      'paused',
    );
    expect(recordingBlocked({ ...settings, pausedUntil: T }, page, undefined, T)).toBeNull();
    expect(
      recordingBlocked(settings, { ...page, host: 'www.news.example.com' }, undefined, T),
    ).toBe('excluded');
    expect(
      recordingBlocked(settings, { ...page, host: 'fakenews.example.com' }, undefined, T),
    ).toBeNull();
    expect(recordingBlocked(settings, page, { notLearning: true }, T)).toBe('not-learning');
  });

  it('continues a session for 30 minutes after the last visit', () => {
    expect(continuesSession(undefined, T)).toBe(false);
    expect(continuesSession({ lastVisitAt: T }, T + SESSION_GAP_MS - 1)).toBe(true);
    expect(continuesSession({ lastVisitAt: T }, T + SESSION_GAP_MS)).toBe(false);
    expect(continuesSession({ lastVisitAt: T }, T - 1)).toBe(false);
  });

  it('leaves out items the person rejected for the page', () => {
    expect(tagsFor(['a', 'b', 'c'], { rejectedItemIds: ['b'] })).toEqual(['a', 'c']);
    expect(tagsFor(['a'], undefined)).toEqual(['a']);
  });

  it('stores titles as folded, capped text', () => {
    expect(cleanTitle('  A\u0000title\n\twith   <b>markup</b> ', 300)).toBe(
      'A title with <b>markup</b>',
    );
    expect(cleanTitle('x'.repeat(500), 300)).toHaveLength(300);
  });
});
